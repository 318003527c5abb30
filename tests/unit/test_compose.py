"""docker-compose.yml as Docker Compose reads it (compose-go, via deploy/composecheck), checked without an
engine: it loads, and what it runs exists here — CLI commands, settings, mounted files, the build context."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsindex.cli import app
from newsindex.settings import REPO_ROOT, Settings, pinned_es_version

CHECKER = REPO_ROOT / "deploy" / "composecheck"
pytestmark = pytest.mark.skipif(shutil.which("go") is None, reason="Go builds the compose checker")


@pytest.fixture(scope="module")
def composecheck(tmp_path_factory) -> Path:
    binary = tmp_path_factory.mktemp("composecheck") / "composecheck"
    subprocess.run(["go", "build", "-buildvcs=false", "-o", str(binary), "."], cwd=CHECKER, check=True, timeout=600)
    return binary


def load(composecheck: Path, project_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(composecheck), str(project_dir)], capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def project(composecheck) -> dict:
    loaded = load(composecheck, REPO_ROOT)
    assert loaded.returncode == 0, loaded.stderr
    return json.loads(loaded.stdout)


def test_elastic_images_resolve_to_the_pinned_version(project):
    images = {name: service["image"] for name, service in project["services"].items()}
    version = pinned_es_version()
    assert images["elasticsearch"] == f"docker.elastic.co/elasticsearch/elasticsearch:{version}"
    assert images["kibana"] == f"docker.elastic.co/kibana/kibana:{version}"


def test_newsindex_commands_parse(project):
    commands = [s["command"] for s in project["services"].values() if (s.get("command") or [""])[0] == "newsindex"]
    assert {c[1] for c in commands} >= {"worker", "api", "crawl"}
    for command in commands:
        # --help after the real arguments: click still rejects unknown commands and options first
        result = CliRunner().invoke(app, [*command[1:], "--help"])
        assert result.exit_code == 0, (command, result.output)


def test_environment_names_settings_that_exist(project):
    fields = {f"NEWSINDEX_{name.upper()}" for name in Settings.model_fields}
    used = {key for s in project["services"].values() for key in s.get("environment") or {}
            if key.startswith("NEWSINDEX_")}
    assert used and used <= fields, used - fields


def test_mounted_files_and_build_context_exist(project):
    for service in project["services"].values():
        for volume in service.get("volumes") or []:
            if volume["type"] == "bind":
                assert Path(volume["source"]).exists(), volume
        if build := service.get("build"):
            assert (Path(build["context"]) / build["dockerfile"]).is_file(), build


def test_a_broken_reference_is_rejected(composecheck, tmp_path):
    compose = (REPO_ROOT / "docker-compose.yml").read_text()
    (tmp_path / "docker-compose.yml").write_text(compose.replace("depends_on: [kibana]", "depends_on: [kibanna]"))
    shutil.copy(REPO_ROOT / ".env", tmp_path / ".env")
    loaded = load(composecheck, tmp_path)
    assert loaded.returncode == 1 and "kibanna" in loaded.stderr, loaded.stderr
