"""The forge files: GitHub Actions workflows and GitLab CI, checked against their published
JSON Schemas (SchemaStore's, vendored by check-jsonschema), pinned and read-only, and running
the same commands as .ci/run; `hub status --since` for a pull request's languages."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT, copy_project, run

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+$")


def schema_check(schema: str, *files) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
                          capture_output=True, text=True)


def test_the_workflows_and_the_gitlab_file_meet_their_schemas():
    assert [path.name for path in WORKFLOWS] == ["deploy.yml", "pull-request.yml"]
    github = schema_check("vendor.github-workflows", *WORKFLOWS)
    assert github.returncode == 0, github.stdout + github.stderr
    gitlab = schema_check("vendor.gitlab-ci", ROOT / ".gitlab-ci.yml")
    assert gitlab.returncode == 0, gitlab.stdout + gitlab.stderr


def test_the_schema_check_finds_a_mistake(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOWS[0].read_text(encoding="utf-8").replace("runs-on:", "run-on:", 1), encoding="utf-8")
    assert schema_check("vendor.github-workflows", broken).returncode != 0


def actions_used(workflow: dict) -> list[str]:
    return [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_a_commit_and_permissions_are_read_only(path):
    text = path.read_text(encoding="utf-8")
    uses = [line.split("uses:", 1)[1].strip() for line in text.splitlines() if "uses:" in line]
    assert uses and all(PINNED.match(use) for use in uses), uses
    workflow = yaml.safe_load(text)
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        allowed = {"pages": "write", "id-token": "write"} if name == "deploy" else {}
        assert job.get("permissions", {}) == allowed, name


def test_the_deploy_workflow_uses_the_official_pages_actions_on_main():
    workflow = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]  # PyYAML reads the key `on` as True
    used = {use.split("@")[0] for use in actions_used(workflow)}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= used
    build = "\n".join(step.get("run", "") for step in workflow["jobs"]["build"]["steps"])
    assert "mkdocs build --strict" in build
    step = next(s for s in workflow["jobs"]["build"]["steps"] if "mkdocs build" in s.get("run", ""))
    assert "HUB_SITE_URL" in step["env"]


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return next(line for line in readme.splitlines() if line.startswith("apt-get ") and "pytest" in line)


def test_ci_runs_the_readme_test_command_and_the_pull_request_workflow_runs_ci():
    ci = [line for line in (ROOT / ".ci/run").read_text(encoding="utf-8").splitlines()
          if line and not line.startswith(("#", "set ", "cd "))]
    assert ci == [readme_test_command()]
    workflow = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    steps = "\n".join(step.get("run", "") for step in workflow["jobs"]["checks"]["steps"])
    for command in ("hub check", "hub status --since", "$GITHUB_STEP_SUMMARY", "mkdocs build --strict", "bash .ci/run"):
        assert command in steps, command
    gitlab = "\n".join(yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))["checks"]["script"])
    assert "bash .ci/run" in gitlab and "hub check" in gitlab


def git(project, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   cwd=project, check=True, capture_output=True)


def test_status_since_a_commit_reports_the_languages_a_change_touches(tmp_path):
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "base")
    untouched = run(["-m", "hooks.cli", "status", "--since", "HEAD"], project)
    assert untouched.returncode == 0 and "No translation is touched" in untouched.stdout
    french = project / "content/fr/mechanisms/ohchr.yaml"
    french.write_text(french.read_text(encoding="utf-8") + "# relu\n", encoding="utf-8")
    git(project, "commit", "-qam", "French")
    report = run(["-m", "hooks.cli", "status", "--since", "HEAD~1", "--format", "markdown"], project)
    assert report.returncode == 0, report.stderr
    assert "| fr |" in report.stdout and "| ar |" not in report.stdout
    english = project / "content/en/mechanisms/ohchr.yaml"
    english.write_text(english.read_text(encoding="utf-8") + "# checked\n", encoding="utf-8")
    git(project, "commit", "-qam", "English")
    every = run(["-m", "hooks.cli", "status", "--since", "HEAD~1", "--format", "markdown"], project)
    assert all(f"| {language} |" in every.stdout for language in ("ar", "fr", "es"))
