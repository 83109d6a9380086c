"""An import-linter contract type for the kiosk's layers: ``qt_modules``.

import-linter's own contracts see an outside package only as a whole (``PySide6``), never its
parts, so they cannot say "kiosk.core may use QtCore but not QtGui or QtWidgets".  This
contract reads the import statements themselves: every import of the package by the source
modules, or by any kiosk module they import directly or indirectly, must name one of the
allowed modules.  pyproject.toml's [tool.importlinter] registers it; `lint-imports`, run
from the repository root (scripts/test.sh), finds it there.
"""

from __future__ import annotations

import re

from grimp import ImportGraph
from importlinter.application import contract_utils, output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck
from importlinter.domain.helpers import module_expressions_to_modules

# `from P.X import a`, `import P.X`, `import P.X as y`, `from P import X, Y` (first line only:
# grimp records the line an import starts on).
_FROM_PART = re.compile(r"^\s*from\s+([\w.]+)\s+import\s+(.*)$")
_IMPORT = re.compile(r"^\s*import\s+(.*)$")


def imported_names(line: str, package: str) -> list[str]:
    """The modules of ``package`` an import line names, e.g. ``PySide6.QtGui``; the bare
    package when the line does not say which part (``import PySide6``, a bracket)."""
    names: list[str] = []
    found = _FROM_PART.match(line)
    if found:
        source, rest = found.groups()
        if source != package:
            return [source]
        parts = [part.split(" as ")[0].strip() for part in rest.split("#")[0].split(",")]
        parts = [part for part in parts if part and part not in {"(", "\\"}]
        if not parts or any(not part.isidentifier() for part in parts):
            return [package]
        return [f"{package}.{part}" for part in parts]
    found = _IMPORT.match(line)
    if found:
        for item in found.group(1).split("#")[0].split(","):
            name = item.split(" as ")[0].strip()
            if name == package or name.startswith(f"{package}."):
                names.append(name)
    return names or [package]


class QtModulesContract(Contract):
    """The source modules, and every module of the project they reach, import only the
    allowed modules of an outside package (one root package, e.g. ``PySide6``).

    Options: ``source_modules``, ``allowed_modules`` (e.g. ``PySide6.QtCore``),
    ``ignore_imports`` (optional, as in the built-in contracts).
    """

    type_name = "qt_modules"

    source_modules = fields.SetField(subfield=fields.ModuleExpressionField())
    allowed_modules = fields.SetField(subfield=fields.StringField())
    ignore_imports = fields.SetField(subfield=fields.ImportExpressionField(), required=False)

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        removal = contract_utils.remove_ignored_imports_and_report(
            graph=graph,
            ignore_imports=self.ignore_imports,  # type: ignore[arg-type]
            unmatched_alerting=contract_utils.AlertLevel.ERROR,
        )
        allowed = set(self.allowed_modules)  # type: ignore[call-overload]
        packages = {name.split(".")[0] for name in allowed}
        if len(packages) != 1:
            raise ValueError("allowed_modules must all be parts of one package, e.g. PySide6")
        (package,) = packages
        root = self.session_options["root_packages"][0]

        violations = []
        sources = module_expressions_to_modules(graph, self.source_modules)  # type: ignore[arg-type]
        for source in sorted(sources, key=lambda module: module.name):
            if source.name not in graph.modules:
                raise ValueError(f"Module '{source.name}' does not exist.")
            own = {source.name, *graph.find_descendants(source.name)}
            reached = own | {
                module
                for module in graph.find_upstream_modules(source.name, as_package=True)
                if module == root or module.startswith(f"{root}.")
            }
            for module in sorted(reached):
                if package not in graph.find_modules_directly_imported_by(module):
                    continue
                details = graph.get_import_details(importer=module, imported=package)
                for detail in details:
                    line = str(detail["line_contents"])
                    wrong = [name for name in imported_names(line, package) if name not in allowed]
                    if not wrong:
                        continue
                    chain = [] if module in own else self._chain(graph, own, module)
                    violations.append(
                        {
                            "source": source.name,
                            "module": module,
                            "line_number": detail["line_number"],
                            "line": line.strip(),
                            "names": wrong,
                            "chain": chain,
                        }
                    )
            output.verbose_print(verbose, f"Checked {len(reached)} modules from {source.name}.")
        return ContractCheck(
            kept=not violations,
            warnings=list(removal.warnings),
            ignored_import_count=removal.ignored_import_count,
            metadata={"violations": violations, "allowed": sorted(allowed)},
        )

    @staticmethod
    def _chain(graph: ImportGraph, own: set[str], module: str) -> list[str]:
        """The shortest way from one of the source's modules to ``module``."""
        best: tuple[str, ...] | None = None
        for start in sorted(own):
            chain = graph.find_shortest_chain(importer=start, imported=module)
            if chain and (best is None or len(chain) < len(best)):
                best = chain
        return list(best or ())

    def render_broken_contract(self, check: ContractCheck) -> None:
        allowed = ", ".join(check.metadata["allowed"])
        for violation in check.metadata["violations"]:
            names = ", ".join(violation["names"])
            output.print_error(
                f"{violation['source']} may use only {allowed}; it uses {names}:", bold=True
            )
            output.new_line()
            if violation["chain"]:
                output.print_error(f"-   {' -> '.join(violation['chain'])}", bold=False)
            output.print_error(
                f"    {violation['module']} (l.{violation['line_number']}): {violation['line']}",
                bold=False,
            )
            output.new_line()
