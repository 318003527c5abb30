"""Elasticsearch from the official distribution zip on Maven Central, run single-node on loopback as an
unprivileged user; the zip is fetched with Maven once and unpacked outside the repository."""
from __future__ import annotations

import glob
import logging
import os
import pwd
import re
import shutil
import subprocess
import time
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_exceptions

from . import ServiceError, ServiceStatus
from .ports import free_port, port_in_use, read_pid, stop_pid

logger = logging.getLogger(__name__)

MAVEN_GROUP = "org.elasticsearch.distribution.integ-test-zip"
MAVEN_DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
MIN_JAVA = 21  # Elasticsearch 9 runs on Java 21 or newer
HUNSPELL_DIRS = ("/usr/share/hunspell", "/usr/share/myspell/dicts")


def client(url: str, timeout: float = 30.0) -> Elasticsearch:
    return Elasticsearch(url, request_timeout=timeout, retry_on_timeout=True, max_retries=2)


def health(url: str) -> dict | None:
    """Cluster health, or None when nothing answers (the minimal distribution has no GET /)."""
    try:
        probe = Elasticsearch(url, request_timeout=5, max_retries=0)
        return dict(probe.cluster.health())
    except (es_exceptions.ConnectionError, es_exceptions.TransportError, es_exceptions.ApiError):
        return None


def status(url: str, state_dir: Path) -> ServiceStatus:
    found = health(url)
    detail = f"cluster {found['cluster_name']} is {found['status']}" if found else ""
    return ServiceStatus("elasticsearch", url, found is not None, read_pid(state_dir / "es" / "es.pid") is not None, detail)


def java_major(java_home: Path) -> int | None:
    java = java_home / "bin" / "java"
    if not java.exists():
        return None
    out = subprocess.run([str(java), "-version"], capture_output=True, text=True).stderr
    match = re.search(r'version "(\d+)', out)
    return int(match.group(1)) if match else None


def find_java(preferred: Path | None = None) -> Path:
    candidates = [preferred, os.environ.get("ES_JAVA_HOME"), os.environ.get("JAVA_HOME")]
    candidates += sorted(glob.glob("/usr/lib/jvm/*"), reverse=True)
    seen = []
    for candidate in filter(None, candidates):
        home = Path(candidate).resolve()
        major = java_major(home)
        seen.append(f"{home} ({major or 'no java'})")
        if major and major >= MIN_JAVA:
            return home
    raise ServiceError(
        f"Elasticsearch needs Java {MIN_JAVA}+; none found among: {', '.join(seen) or 'nothing'}. "
        "Install a JDK (e.g. Temurin 25) and set NEWSINDEX_JAVA_HOME."
    )


def maven_zip(version: str) -> Path:
    """The distribution zip in the local Maven repository, fetched from Maven Central if missing."""
    m2 = Path(os.environ.get("MAVEN_REPO", Path.home() / ".m2" / "repository"))
    zip_path = m2 / MAVEN_GROUP.replace(".", "/") / "elasticsearch" / version / f"elasticsearch-{version}.zip"
    if zip_path.exists():
        return zip_path
    mvn = shutil.which("mvn")
    if not mvn:
        raise ServiceError("Maven (mvn) is needed to fetch the Elasticsearch zip: run deploy/install.sh")
    artifact = f"{MAVEN_GROUP}:elasticsearch:{version}:zip"
    logger.warning("fetching Elasticsearch %s from Maven Central", version)
    result = subprocess.run(
        [mvn, "-q", "-B", f"{MAVEN_DEPENDENCY_PLUGIN}:get", f"-Dartifact={artifact}", "-Dtransitive=false"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not zip_path.exists():
        raise ServiceError(f"could not fetch {artifact} with Maven:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return zip_path


def distribution(version: str, dist_dir: Path) -> Path:
    """Unpack the zip once into dist_dir; instances share it and keep their own config and data."""
    home = dist_dir / f"elasticsearch-{version}"
    if (home / "bin" / "elasticsearch").exists():
        return home
    dist_dir.mkdir(parents=True, exist_ok=True)
    partial = dist_dir / f".elasticsearch-{version}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    with zipfile.ZipFile(maven_zip(version)) as archive:
        for member in archive.infolist():
            target = archive.extract(member, partial)
            mode = member.external_attr >> 16
            if mode:
                os.chmod(target, mode | 0o444)  # readable by the service user
    partial_home = partial / f"elasticsearch-{version}"
    for folder in (dist_dir, partial, partial_home):
        folder.chmod(0o755)
    partial_home.rename(home)
    shutil.rmtree(partial, ignore_errors=True)
    return home


def _service_user(name: str) -> pwd.struct_passwd | None:
    """As root, Elasticsearch refuses to run: create (once) and use an unprivileged system user."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name], check=True)
        return pwd.getpwnam(name)


def _hunspell_dictionary() -> tuple[Path, Path]:
    for folder in HUNSPELL_DIRS:
        aff, dic = Path(folder) / "en_US.aff", Path(folder) / "en_US.dic"
        if aff.exists() and dic.exists():
            return aff, dic
    raise ServiceError("the en_US hunspell dictionary is missing (English analysis): apt-get install hunspell-en-us")


def write_config(home: Path, instance: Path, host: str, port: int) -> Path:
    """A per-instance config directory (ES_PATH_CONF) with our settings and the hunspell dictionary."""
    conf = instance / "config"
    if conf.exists():
        shutil.rmtree(conf)
    shutil.copytree(home / "config", conf)
    hunspell = conf / "hunspell" / "en_US"
    hunspell.mkdir(parents=True)
    for source in _hunspell_dictionary():
        shutil.copyfile(source, hunspell / source.name)
    (instance / "data").mkdir(parents=True, exist_ok=True)
    (instance / "logs").mkdir(parents=True, exist_ok=True)
    (conf / "elasticsearch.yml").write_text(
        "\n".join(
            [
                "cluster.name: newsindex",
                "node.name: newsindex-1",
                f"path.data: {instance / 'data'}",
                f"path.logs: {instance / 'logs'}",
                f"network.host: {host}",
                f"http.port: {port}",
                f"transport.port: {free_port()}",
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                # A nearly full disk must not silently turn the index read-only in development.
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.auto_create_index: false",
            ]
        )
        + "\n"
    )
    return conf


def up(url: str, state_dir: Path, version: str, heap: str = "2g", user: str = "newsindex",
       java_home: Path | None = None, dist_dir: Path | None = None, timeout: float = 180.0) -> ServiceStatus:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 9200
    if health(url):
        return status(url, state_dir)
    if port_in_use(host, port):
        raise ServiceError(f"port {port} is busy but does not answer as Elasticsearch: free it or set NEWSINDEX_ES_URL")
    java = find_java(java_home)
    home = distribution(version, dist_dir or state_dir / "dist")
    instance = state_dir / "es"
    instance.mkdir(parents=True, exist_ok=True)
    conf = write_config(home, instance, host, port)
    pid_file = instance / "es.pid"
    account = _service_user(user)
    command = [str(home / "bin" / "elasticsearch"), "-d", "-p", str(pid_file)]
    if account:
        for folder in (state_dir, instance):
            folder.chmod(0o755)
        subprocess.run(["chown", "-R", f"{account.pw_uid}:{account.pw_gid}", str(instance)], check=True)
        command = ["runuser", "-u", user, "--", *command]
    env = dict(os.environ, ES_JAVA_HOME=str(java), ES_PATH_CONF=str(conf), ES_JAVA_OPTS=f"-Xms{heap} -Xmx{heap}")
    env.pop("JAVA_HOME", None)
    log = instance / "logs" / "startup.log"
    with open(log, "wb") as out:
        started = subprocess.run(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    if started.returncode != 0:
        raise ServiceError(f"Elasticsearch failed to start (exit {started.returncode}):\n{log.read_text()[-3000:]}")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = health(url)
        if found and found["status"] in ("green", "yellow"):
            logger.info("elasticsearch up", extra={"url": url, "version": version})
            return status(url, state_dir)
        time.sleep(0.5)
    raise ServiceError(f"Elasticsearch did not become healthy on {url} within {timeout:.0f}s: see {instance / 'logs'}")


def down(state_dir: Path) -> bool:
    return stop_pid(state_dir / "es" / "es.pid")
