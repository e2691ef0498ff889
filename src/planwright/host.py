"""The plugin host: loads styles through entry points, collects their contributions.

Built-in styles (``plugins/planwright_*``) and third-party ones load the same
way: entry points of group ``planwright``. The host owns everything pluggy
leaves open (see ../shared/research/pluggy-anchors.md):

- a plugin that fails to import, fails registration or raises inside a hook is
  skipped with a warning naming it; the rest goes on;
- ``--no-plugins`` keeps only planwright's own distribution, and
  ``PLANWRIGHT_DISABLE_PLUGINS=a,b`` blocks plugins by entry-point or
  distribution name *before* they are imported;
- contributions are sorted by name; two plugins giving one name is an error
  that names both; every contribution remembers the plugin that gave it.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Iterable

import pluggy

from planwright import hookspecs
from planwright.api import (
    PROJECT, SEVERITIES, NoticeLayout, Rule, Sniffer, Style, StyleSpec, Template, UnitRegistry, hookimpl,
)
from planwright.zh.deadlines import DeadlinePhrase
from planwright.zh.units import AttributionPattern

if TYPE_CHECKING:
    import importlib.metadata

ENTRY_POINT_GROUP = PROJECT
DISABLE_ENV = "PLANWRIGHT_DISABLE_PLUGINS"
# essential (cannot be disabled): plugin name -> module
CORE_PLUGINS = {"core_rules": "planwright.rules.core"}


# what each hook must return a list of; anything else is skipped with a warning
_HOOK_TYPES: dict[str, type] = {
    "planwright_styles": Style, "planwright_templates": Template, "planwright_unit_registries": UnitRegistry,
    "planwright_deadline_phrases": DeadlinePhrase, "planwright_attribution_patterns": AttributionPattern,
    "planwright_validators": Rule, "planwright_notice_layouts": NoticeLayout, "planwright_import_sniffers": Sniffer,
}


class PluginError(Exception):
    """A plugin problem that stops the command (a name clash, an unknown style)."""


@dataclass
class PluginInfo:
    name: str  # entry-point name (or the core module's short name)
    module: str
    distribution: str = ""
    version: str = ""
    status: str = "active"  # active / disabled / failed
    error: str = ""
    builtin: bool = False
    hooks: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "name": self.name, "module": self.module, "distribution": self.distribution,
            "version": self.version, "status": self.status, "error": self.error,
            "builtin": self.builtin, "hooks": self.hooks,
        }


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower().strip()


def disabled_from_env() -> set[str]:
    raw = os.environ.get(DISABLE_ENV, "")
    return {_normalise(x) for x in raw.split(",") if x.strip()}


class Host:
    """One loaded set of plugins and what they contribute."""

    def __init__(self, *, no_plugins: bool = False, disabled: Iterable[str] = (),
                 entry_points: Iterable[importlib.metadata.EntryPoint] | None = None) -> None:
        self.pm = pluggy.PluginManager(PROJECT)
        self.pm.add_hookspecs(hookspecs.PlanwrightSpecs)
        self.plugins: list[PluginInfo] = []
        self.warnings: list[str] = []
        self._warnings_shown = 0  # how many of self.warnings have been printed
        self.provenance: dict[tuple[str, str], str] = {}  # (hook, name) → plugin
        self._plugin_of_object: dict[int, str] = {}
        blocked = {_normalise(x) for x in disabled} | disabled_from_env()
        for name, module in CORE_PLUGINS.items():
            self._register_module(module, name, builtin=True)
        eps = list(entry_points) if entry_points is not None else _entry_points()
        for ep in sorted(eps, key=lambda e: e.name):
            self._load_entry_point(ep, blocked, no_plugins)

    # -- loading ----------------------------------------------------------
    def _load_entry_point(self, ep, blocked: set[str], no_plugins: bool) -> None:
        dist = getattr(ep, "dist", None)
        dist_name = dist.metadata["Name"] if dist is not None else ""
        version = dist.version if dist is not None else ""
        builtin = _normalise(dist_name) == PROJECT
        info = PluginInfo(name=ep.name, module=ep.value, distribution=dist_name,
                          version=version, builtin=builtin)
        self.plugins.append(info)
        if (no_plugins and not builtin) or {_normalise(ep.name), _normalise(dist_name)} & blocked:
            info.status = "disabled"  # never imported
            return
        try:
            plugin = ep.load()
        except SystemExit as exc:  # sys.exit() at import would end planwright without a word
            self._fail(info, f"导入时调用了 sys.exit({exc.code!r}) (exited at import)")
            return
        except Exception as exc:  # a broken plugin must not break planwright
            self._fail(info, f"导入失败 (import failed): {type(exc).__name__}: {exc}")
            return
        self._register(plugin, info)

    def _register_module(self, module: str, name: str, builtin: bool) -> None:
        info = PluginInfo(name=name, module=module, distribution=PROJECT,
                          version=_version(PROJECT), builtin=builtin)
        self.plugins.append(info)
        self._register(importlib.import_module(module), info)

    def _register(self, loaded: Any, info: PluginInfo) -> None:
        try:
            plugin = _with_declared_styles(loaded)
            self.pm.register(plugin, name=info.name)
        except Exception as exc:
            if self.pm.is_registered(loaded):
                self.pm.unregister(loaded)
            self._fail(info, f"注册失败 (registration failed): {exc}")
            return
        unknown = [name for name in dir(loaded)
                   if name.startswith("planwright_") and name not in hookspecs.HOOK_NAMES
                   and callable(getattr(plugin, name, None))]
        if unknown:
            self.warnings.append(f"插件 {info.name}: 未知的钩子 (unknown hooks) {', '.join(unknown)} 被忽略")
        info.hooks = [c.name for c in self.pm.get_hookcallers(plugin) or []]

    def unshown_warnings(self) -> list[str]:
        """Warnings not printed yet: each is printed once, however many places report them."""
        new = self.warnings[self._warnings_shown:]
        self._warnings_shown = len(self.warnings)
        return new

    def _fail(self, info: PluginInfo, message: str) -> None:
        info.status, info.error = "failed", message
        self.warnings.append(f"插件 {info.name} 已跳过 (plugin skipped): {message}")

    # -- collecting -------------------------------------------------------
    def collect(self, hook_name: str, key: str = "name") -> list:
        """Call every implementation of a hook, flatten, sort by name, refuse clashes."""
        hook = getattr(self.pm.hook, hook_name)
        found: dict[str, tuple[Any, str]] = {}
        for impl in hook.get_hookimpls():
            try:
                result = impl.function() or []
                result = list(result)
            except (Exception, SystemExit) as exc:
                self._fail_impl(impl.plugin_name, hook_name, exc)
                continue
            for obj in self._valid(impl.plugin_name, hook_name, result, key):
                name = getattr(obj, key)
                if name in found and found[name][1] != impl.plugin_name:
                    raise PluginError(
                        f"“{name}”由两个插件同时提供 ({hook_name} conflict): "
                        f"{found[name][1]} 和 {impl.plugin_name}。请卸载或禁用其中一个 "
                        f"({DISABLE_ENV}={impl.plugin_name})。")
                found[name] = (obj, impl.plugin_name)
                self.provenance[(hook_name, name)] = impl.plugin_name
        return [found[name][0] for name in sorted(found)]

    def _valid(self, plugin_name: str, hook_name: str, result: list, key: str) -> list:
        """What a hook returned that is of its declared kind (``["x"]``, ``[{}]`` are not); each
        other thing is skipped with a warning naming the plugin."""
        kind = _HOOK_TYPES.get(hook_name)
        good = []
        for obj in result:
            if kind is not None and not isinstance(obj, kind) \
                    or not isinstance(getattr(obj, key, None), (str, type(None))):
                self.warnings.append(f"插件 {plugin_name} 的 {hook_name} 返回了 {type(obj).__name__}"
                                     f"（应为 {kind.__name__ if kind else '对象'}），已跳过 (wrong type skipped)")
            elif isinstance(obj, Rule) and obj.severity not in SEVERITIES:
                self.warnings.append(f"插件 {plugin_name} 的规则 {obj.id} 级别 {obj.severity!r} 无法识别"
                                     f"（应为 {'/'.join(SEVERITIES)}），其发现按警告计 (unknown severity)")
                good.append(obj)
            else:
                good.append(obj)
        return good

    def _fail_impl(self, plugin_name: str, hook_name: str, exc: BaseException) -> None:
        message = f"{hook_name} 出错 (raised): {type(exc).__name__}: {exc}"
        for info in self.plugins:
            if info.name == plugin_name:
                info.status, info.error = "failed", message
        self.warnings.append(f"插件 {plugin_name} 的 {message}，已跳过")

    def source(self, hook_name: str, name: str) -> str:
        """Which plugin gave a contribution (empty when unknown)."""
        return self.provenance.get((hook_name, name), "")

    def info(self, plugin_name: str) -> PluginInfo | None:
        return next((p for p in self.plugins if p.name == plugin_name), None)

    # -- the contributions, cached per host --------------------------------
    @cached_property
    def styles(self) -> list[Style]:
        return self.collect("planwright_styles")

    @cached_property
    def templates(self) -> list[Template]:
        return self.collect("planwright_templates")

    @cached_property
    def registries(self) -> list[UnitRegistry]:
        return self.collect("planwright_unit_registries")

    @cached_property
    def deadline_phrases(self) -> list:
        return self.collect("planwright_deadline_phrases")

    @cached_property
    def attribution_patterns(self) -> list:
        patterns = self.collect("planwright_attribution_patterns")
        return sorted(patterns, key=lambda p: (p.priority, p.name))

    @cached_property
    def rules(self) -> list[Rule]:
        return self.collect("planwright_validators", key="id")

    @cached_property
    def notice_layouts(self) -> list[NoticeLayout]:
        return self.collect("planwright_notice_layouts", key="style")

    @cached_property
    def sniffers(self) -> list[Sniffer]:
        return self.collect("planwright_import_sniffers")

    # -- look-ups used by the commands ---------------------------------------
    def style(self, name: str) -> Style:
        """The installed style of that name; PluginError listing the installed ones if none."""
        style = self.find_style(name)
        if style is not None:
            return style
        known = "、".join(s.name for s in self.styles) or "（无）"
        raise PluginError(f"未知的样式 (unknown style) “{name}”；已安装的样式：{known}")

    def find_style(self, name: str) -> Style | None:
        return next((s for s in self.styles if s.name == name), None)

    def template(self, style: str) -> Template:
        matches = [t for t in self.templates if t.style == style]
        if not matches:
            raise PluginError(f"样式 “{style}” 没有提供模板 (no template for style)")
        # the template named like the style is its default
        return next((t for t in matches if t.name == style), matches[0])

    def layout(self, style: str) -> NoticeLayout | None:
        return next((lay for lay in self.notice_layouts if lay.style == style), None)

    def rules_for(self, style: str | None) -> list[Rule]:
        return [r for r in self.rules if r.style is None or r.style == style]

    def patterns_for(self, style: str | None) -> list:
        return [p for p in self.attribution_patterns if p.style in (None, style)]

    def phrases_for(self, style: str | None) -> list:
        return [p for p in self.deadline_phrases if p.style in (None, style)]

    def registry_units(self, style: str | None) -> list:
        """Units of the registries for a style (style-neutral ones first)."""
        units: list = []
        for reg in sorted(self.registries, key=lambda r: (r.style is not None, r.name)):
            if reg.style in (None, style):
                units.extend(reg.units)
        return units


def declared_styles(loaded: Any) -> list[StyleSpec]:
    """The StyleSpecs a loaded plugin declares: itself, or its ``style`` variable (one or a list).

    A ``style`` variable of another type is refused only in a module without hooks, where it can
    be nothing but a mistaken declaration; beside hooks it may be the plugin's own business.
    """
    if isinstance(loaded, StyleSpec):
        return [loaded]
    declared = getattr(loaded, "style", None)
    many = declared if isinstance(declared, (list, tuple)) else [declared]
    if declared is not None and all(isinstance(s, StyleSpec) for s in many):
        return list(many)
    if declared is not None and not _has_hooks(loaded):
        raise TypeError(f"style 应为 planwright.api.StyleSpec，而不是 {type(declared).__name__}")
    return []


def _hook(loaded: Any, name: str) -> Any:
    """The plugin's own implementation of a hook (a function marked ``@hookimpl``), or None."""
    found = getattr(loaded, name, None)
    return found if callable(found) and hasattr(found, f"{PROJECT}_impl") else None


def _has_hooks(loaded: Any) -> bool:
    return any(_hook(loaded, name) for name in hookspecs.HOOK_NAMES)


def _with_declared_styles(loaded: Any) -> Any:
    """What pluggy registers for a plugin: the plugin itself, or, when it declares styles,
    one object whose hooks return the plugin's own hook results and its styles' contributions."""
    specs = declared_styles(loaded)
    if not specs:
        return loaded
    parts: dict[str, list] = {}
    for name in hookspecs.HOOK_NAMES:
        own = _hook(loaded, name)
        if own is not None:
            parts.setdefault(name, []).append(own)
    for spec in specs:
        for name, give in spec.contributions().items():
            parts.setdefault(name, []).append(give)
    return _Joined({name: _joined(calls) for name, calls in parts.items()})


def _joined(calls: list) -> Any:
    @hookimpl
    def hook() -> list:
        return [x for call in calls for x in (call() or [])]
    return hook


class _Joined:
    """A plugin object made of hook functions (pluggy reads them as attributes)."""

    def __init__(self, hooks: dict[str, Any]) -> None:
        self.__dict__.update(hooks)

    def __dir__(self) -> list[str]:
        # pluggy looks at every name dir() gives for hooks: its hooks, not object's thirty methods
        return list(self.__dict__)


def _entry_points() -> list:
    """The installed entry points of group ``planwright``, as ``importlib.metadata`` finds them.

    Read straight from the ``*.dist-info`` folders on ``sys.path``: importing
    ``importlib.metadata`` (email, zipfile, csv) was a tenth of a short command's
    start. Anything the plain reading does not cover (a zip or an .egg-info on the
    path, one distribution twice) is left to ``importlib.metadata``.
    """
    found = _scan_dist_infos()
    if found is None:
        import importlib.metadata

        return list(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP))
    return [ep for dist in found for ep in dist.entry_points(ENTRY_POINT_GROUP)]


def _version(dist: str) -> str:
    found = _scan_dist_infos()
    if found is not None:
        key = _normalise(dist)
        named = [d for d in found if _normalise(d.folder_name) == key] or \
            [d for d in found if _normalise(d.name) == key]  # a folder named otherwise than wheels name it
        return named[0].version if named else ""
    import importlib.metadata

    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return ""


class _Dist:
    """An installed distribution read from its ``.dist-info`` folder (name, version, entry points).

    Its ``METADATA`` is read only when the name or version is asked for: the host asks for
    them only of the distributions that give ``planwright`` entry points, one or two of the
    forty-odd a virtual environment holds.
    """

    def __init__(self, folder: str) -> None:
        self.folder = folder
        # the name as the folder spells it (NAME-VERSION.dist-info): what duplicates are found by
        self.folder_name = os.path.basename(folder).rpartition(".dist-info")[0].partition("-")[0]
        self._headers: dict[str, str] | None = None

    def _read_headers(self) -> dict[str, str]:
        if self._headers is None:
            found = {"Name": "", "Version": ""}
            with open(os.path.join(self.folder, "METADATA"), encoding="utf-8") as fh:
                for line in fh:
                    if not line.strip():
                        break  # the headers end at the first blank line
                    key, _, value = line.partition(":")
                    if key in found and not found[key]:
                        found[key] = value.strip()
                        if found["Name"] and found["Version"]:
                            break  # they come first; the rest (classifiers, the description) is not read
            self._headers = found
        return self._headers

    @property
    def name(self) -> str:
        return self._read_headers()["Name"]

    @property
    def version(self) -> str:
        return self._read_headers()["Version"]

    @property
    def metadata(self) -> dict[str, str]:  # what the host reads of importlib's Distribution
        return {"Name": self.name}

    def entry_points(self, group: str) -> list[_EntryPoint]:
        try:
            with open(os.path.join(self.folder, "entry_points.txt"), encoding="utf-8") as fh:
                text = fh.read()
        except FileNotFoundError:
            return []
        points, section = [], None
        for raw in text.splitlines():
            line = raw.strip()
            if not line or line[0] in "#;":
                continue
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1].strip()
            elif section == group and "=" in line:
                name, _, value = line.partition("=")
                points.append(_EntryPoint(name.strip(), value.strip(), group, self))
        return points


@dataclass(frozen=True)
class _EntryPoint:
    """An entry point as ``importlib.metadata.EntryPoint`` gives it (name, value, dist, load)."""

    name: str
    value: str
    group: str
    dist: _Dist

    def load(self) -> Any:
        module, _, attrs = self.value.partition(" ")[0].partition(":")
        return functools.reduce(getattr, filter(None, attrs.split(".")), importlib.import_module(module))


def _scan_dist_infos() -> list[_Dist] | None:
    """Every ``*.dist-info`` on ``sys.path`` in path order, or None when the path holds what
    only ``importlib.metadata`` reads (zips, .egg-info folders, a distribution twice).

    Read again when the path or a folder on it changed (an install changes its folder)."""
    stamps = []
    for entry in sys.path:
        try:
            stamps.append((entry, os.stat(entry or ".").st_mtime_ns))
        except OSError:
            stamps.append((entry, None))
    return _scan(tuple(stamps))


@functools.lru_cache(maxsize=4)
def _scan(stamps: tuple) -> list[_Dist] | None:
    dists: list[_Dist] = []
    seen: set[str] = set()
    try:
        for entry, _ in stamps:
            folder = entry or "."
            if os.path.isfile(folder):
                return None
            if not os.path.isdir(folder):
                continue
            for name in sorted(os.listdir(folder)):
                lower = name.lower()
                if lower.endswith(".egg-info") or lower.endswith(".egg"):
                    return None
                if lower.endswith(".dist-info"):
                    dist = _Dist(os.path.join(folder, name))
                    if _normalise(dist.folder_name) in seen:
                        return None
                    seen.add(_normalise(dist.folder_name))
                    dists.append(dist)
    except (OSError, UnicodeDecodeError):
        return None
    return dists


_HOSTS: dict[tuple, Host] = {}


def get_host(*, no_plugins: bool = False, disabled: Iterable[str] = ()) -> Host:
    """The host for this process (cached per settings; tests build their own Host)."""
    key = (no_plugins, tuple(sorted(disabled)), os.environ.get(DISABLE_ENV, ""))
    if key not in _HOSTS:
        _HOSTS[key] = Host(no_plugins=no_plugins, disabled=disabled)
        for warning in _HOSTS[key].unshown_warnings():
            print(f"planwright: {warning}", file=sys.stderr)
    return _HOSTS[key]
