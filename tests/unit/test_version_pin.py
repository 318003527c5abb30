"""One Elasticsearch version, pinned in .env: the Python client's major matches, compose uses it."""
import re
import tomllib

from newsindex.settings import REPO_ROOT, pinned_es_version


def test_python_client_major_matches_server():
    major = pinned_es_version().split(".")[0]
    deps = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    (client,) = [d for d in deps if re.match(r"elasticsearch\b", d)]
    assert re.search(rf">={major}\.\d+,\s*<{int(major) + 1}\b", client), client


def test_compose_images_use_the_pinned_version():
    compose = (REPO_ROOT / "docker-compose.yml").read_text()
    images = re.findall(r"image:\s*(\S*(?:elasticsearch|kibana)\S*)", compose)
    assert len(images) == 2
    assert all(image.endswith(":${NEWSINDEX_ES_VERSION}") for image in images), images
    assert not re.search(r"\d+\.\d+\.\d+", " ".join(images))
