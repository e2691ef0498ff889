"""The task ledger (台账): the year after the notice, kept beside the plan.

``model`` holds the units' reports keyed by node id and the ledger file;
``sheets`` writes the workbooks sent to units; ``collect`` reads them back;
``status`` colours each task on a day; ``report`` rolls it up for the office.
Pure: these modules return values or raise, never print or exit.
"""

from planwright.ledger.model import (STATES, Ledger, LedgerError, LedgerTask, Report, ledger_path, load_ledger,
                                     rollup, save_ledger, tasks_of)

__all__ = ["STATES", "Ledger", "LedgerError", "LedgerTask", "Report", "ledger_path", "load_ledger", "rollup",
           "save_ledger", "tasks_of"]
