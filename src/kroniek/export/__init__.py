"""Stage 7: exports of stored events, one writer function per format.

``kroniek export`` finds writers by format name in :data:`kroniek.export.formats.FORMATS`.
"""

from kroniek.export.formats import FORMATS, Writer
from kroniek.export.options import ExportOptions
from kroniek.export.plover import export_plover, plover_record, reduce_event
from kroniek.store.event_filter import EventFilter

__all__ = ["FORMATS", "EventFilter", "ExportOptions", "Writer", "export_plover",
           "plover_record", "reduce_event"]
