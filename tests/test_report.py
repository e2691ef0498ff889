"""``planwright plugins`` in an ordinary 80-column terminal: one line per plugin, names whole."""

from __future__ import annotations


from planwright import host as plugins


def test_plugins_listing_reads_in_80_columns(cli, monkeypatch) -> None:
    monkeypatch.setattr(plugins, "_HOSTS", {})
    result = cli("plugins", columns=80)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    for name in ("planwright_jinan", "planwright_jiangshan", "planwright.rules.core"):
        assert len([line for line in lines if name in line]) == 1  # whole, and on one row
    # the rule table says a rule's level in the words check uses
    assert any("PW-LEAD-001" in line and "错误" in line for line in lines)
    assert "--json" in result.stdout  # where the hook lists are
