"""The plugin host: broken plugins are skipped with their name, clashes name both plugins,
disabled plugins are never imported, and `planwright plugins --json` shows what is loaded.

Third-party plugins are simulated with real ``importlib.metadata.EntryPoint`` objects that
point at the small modules in ``tests/plugin_fixtures``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import planwright
from planwright import __version__
from planwright.rules import core as core_rules
from planwright import host as plugins
from planwright.plan.model import Meta, Plan, Point, Task
from planwright.host import DISABLE_ENV, Host, PluginError
from plugin_fixtures import entry_point, host_with

NEVER = "plugin_fixtures.pf_never_import"


@pytest.fixture(autouse=True)
def fresh_modules(monkeypatch):
    """Each test starts with the fixture plugins not imported and no cached hosts."""
    for name in [m for m in sys.modules if m.startswith("plugin_fixtures.pf_")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    monkeypatch.setattr(plugins, "_HOSTS", {})
    yield
    for name in [m for m in sys.modules if m.startswith("plugin_fixtures.pf_")]:
        del sys.modules[name]


# -- failures are the plugin's, not planwright's ------------------------------------------------

def test_a_plugin_that_fails_to_import_is_named_and_skipped() -> None:
    host = host_with("pf_broken_import", "pf_ruyi")
    info = host.info("pf_broken_import")
    assert info.status == "failed" and "ImportError" in info.error and "left_pad_cn" in info.error
    assert any("pf_broken_import" in w and "已跳过" in w for w in host.warnings)
    assert [s.name for s in host.styles] == ["ruyi"]  # the others still load
    assert host.info("pf_ruyi").status == "active"


def test_a_hook_that_raises_is_named_and_skipped() -> None:
    host = host_with("pf_raising_hook", "pf_ruyi")
    assert [s.name for s in host.styles] == ["ruyi"]
    assert {r.id for r in host.rules} >= {"RY-001", *core_rules.ids()}
    warnings = "\n".join(host.warnings)
    assert "pf_raising_hook" in warnings
    assert "planwright_styles" in warnings and "RuntimeError: style table missing" in warnings
    assert "planwright_validators" in warnings and "ValueError: rules table missing" in warnings
    assert host.info("pf_raising_hook").status == "failed"


def test_a_rule_that_raises_while_checking_is_reported_and_the_rest_run() -> None:
    host = host_with("pf_bad_rule")
    plan = Plan(meta=Meta(title="计划", year=2027), points=[Point(title="要点", tasks=[Task(title="任务")])])
    plan.ensure_ids()
    findings = planwright.check(plan, host=host)
    broken = [f for f in findings if f.rule == "PW-PLUGIN"]
    assert len(broken) == 1 and "BAD-001" in broken[0].message and "pf_bad_rule" in broken[0].message
    assert "ZeroDivisionError" in broken[0].message
    assert any(f.rule == "PW-LEAD-001" for f in findings)  # the core rules still ran


def test_two_plugins_giving_one_style_name_both() -> None:
    host = host_with("pf_clash_a", "pf_clash_b")
    with pytest.raises(PluginError) as info:
        host.styles
    message = str(info.value)
    assert "“clash”" in message and "pf_clash_a" in message and "pf_clash_b" in message


# -- disabling never imports --------------------------------------------------------------------

def test_the_environment_variable_blocks_before_import(monkeypatch) -> None:
    monkeypatch.setenv(DISABLE_ENV, "something_else, pf_never_import")
    host = host_with("pf_never_import", "pf_ruyi")
    assert NEVER not in sys.modules
    assert host.info("pf_never_import").status == "disabled"
    assert [s.name for s in host.styles] == ["ruyi"]


@pytest.mark.parametrize("written", ["pf_never_import", "pf-never-import", "PF.Never.Import"])
def test_disabled_names_are_normalised(written: str) -> None:
    host = host_with("pf_never_import", disabled=[written])
    assert NEVER not in sys.modules and host.info("pf_never_import").status == "disabled"


def test_no_plugins_keeps_third_party_modules_unimported() -> None:
    host = host_with("pf_never_import", no_plugins=True)
    assert NEVER not in sys.modules
    assert host.info("pf_never_import").status == "disabled"
    assert {r.id for r in host.rules} >= set(core_rules.ids())  # the core stays


def test_an_enabled_fixture_is_imported() -> None:
    """The counterpart of the tests above: without blocking, the module does load."""
    host = host_with("pf_never_import")
    assert NEVER in sys.modules and [s.name for s in host.styles] == ["never"]


def test_the_core_rules_cannot_be_disabled(monkeypatch) -> None:
    monkeypatch.setenv(DISABLE_ENV, "core_rules,planwright.rules.core")
    host = Host(entry_points=[], disabled=["core_rules"], no_plugins=True)
    assert {r.id for r in host.rules} >= set(core_rules.ids())


def fake_third_party(monkeypatch, *modules: str) -> None:
    """The installed entry points plus fake third-party ones, as the CLI will see them."""
    real = list(plugins._entry_points())
    monkeypatch.setattr(plugins, "_entry_points", lambda: real + [entry_point(m) for m in modules])


@pytest.mark.parametrize("flags", [["--no-plugins"], ["--disable", "pf_never_import"]])
def test_cli_flags_keep_a_plugin_unimported(cli, monkeypatch, flags: list[str]) -> None:
    fake_third_party(monkeypatch, "pf_never_import")
    result = cli(*flags, "plugins", "--json")
    assert result.exit_code == 0, result.output
    assert NEVER not in sys.modules
    listed = {p["name"]: p["status"] for p in json.loads(result.stdout)["plugins"]}
    assert listed["pf_never_import"] == "disabled"


def test_cli_env_keeps_a_plugin_unimported(cli, monkeypatch) -> None:
    fake_third_party(monkeypatch, "pf_never_import")
    monkeypatch.setenv(DISABLE_ENV, "pf_never_import")
    result = cli("plugins", "--json")
    assert result.exit_code == 0 and NEVER not in sys.modules


# -- listing ------------------------------------------------------------------------------------

def test_plugins_json_lists_every_builtin_with_version_and_contributions(cli) -> None:
    result = cli("plugins", "--json")
    assert result.exit_code == 0, result.output
    listing = json.loads(result.stdout)
    assert set(listing) == {"plugins", "styles", "templates", "rules", "warnings"}
    builtin_eps = {ep.name for ep in plugins._entry_points()
                   if ep.dist is not None and ep.dist.metadata["Name"] == "planwright"}
    assert builtin_eps >= {"jinan", "dalian", "ningguo", "jiangshan", "township"}
    by_name = {p["name"]: p for p in listing["plugins"]}
    for name in builtin_eps | {"core_rules"}:
        entry = by_name[name]
        assert (entry["distribution"], entry["version"], entry["builtin"]) == ("planwright", __version__, True)
        assert entry["status"] == "active", entry
    assert "planwright_validators" in by_name["core_rules"]["hooks"]
    styles = {s["name"]: s for s in listing["styles"]}
    assert styles["jinan"]["plugin"] == "jinan" and styles["jinan"]["version"] == __version__
    assert styles["jinan"]["title"]
    assert {"name": "jinan", "style": "jinan"}.items() <= next(
        t for t in listing["templates"] if t["name"] == "jinan").items()
    rules = {r["id"]: r for r in listing["rules"]}
    for rule in core_rules.RULES:
        assert rules[rule.id] == {"id": rule.id, "severity": rule.severity, "style": None,
                                  "summary": rule.summary, "plugin": "core_rules"}
    assert all(set(r) == {"id", "severity", "style", "summary", "plugin"} for r in listing["rules"])


def test_plugins_listing_shows_a_failed_plugin(cli, monkeypatch) -> None:
    fake_third_party(monkeypatch, "pf_broken_import")
    result = cli("plugins", "--json")
    assert result.exit_code == 0
    entry = next(p for p in json.loads(result.stdout)["plugins"] if p["name"] == "pf_broken_import")
    assert entry["status"] == "failed" and "ImportError" in entry["error"] and not entry["builtin"]


def test_a_broken_third_party_plugin_warns_and_the_command_still_works(cli, monkeypatch, tmp_path: Path) -> None:
    fake_third_party(monkeypatch, "pf_broken_import", "pf_raising_hook")
    path = tmp_path / "plan.toml"
    path.write_text('schema = "planwright/1"\n\n[plan]\ntitle = "2027年示例区政务公开工作要点"\nyear = 2027\n',
                    encoding="utf-8")
    result = cli("check", str(path))
    assert result.exit_code == 0, result.output
    assert "检查通过" in result.stdout
    assert "pf_broken_import" in result.stderr and "已跳过" in result.stderr
    assert "pf_raising_hook" in result.stderr
    assert result.stderr.count("pf_broken_import 已跳过") == 1  # said once, not per hook


def test_a_style_installed_beside_planwright_is_found_as_importlib_metadata_finds_it(tmp_path, monkeypatch) -> None:
    """The host reads *.dist-info itself (for speed); it must find what importlib.metadata finds."""
    import importlib.metadata

    info = tmp_path / "hill_style-2.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: hill-style\nVersion: 2.1\n\nA style.\n")
    (info / "entry_points.txt").write_text("[console_scripts]\nhill = hill_style:main\n\n"
                                           "[planwright]\nhill = hill_style\n")
    (tmp_path / "hill_style.py").write_text("import planwright.api\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    ours = {(e.name, e.value, e.dist.metadata["Name"], e.dist.version) for e in plugins._entry_points()}
    theirs = {(e.name, e.value, e.dist.metadata["Name"], e.dist.version)
              for e in importlib.metadata.entry_points(group="planwright")}
    assert ours == theirs
    assert ("hill", "hill_style", "hill-style", "2.1") in ours
    hill = next(e for e in plugins._entry_points() if e.name == "hill")
    assert hill.load().__name__ == "hill_style"
    monkeypatch.delitem(sys.modules, "hill_style")
