"""The register's printed documents from the window: the award list of the current filters and the
certificate issue journal, both opened in the print preview (print, or save as PDF/DOCX/XLSX)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from kr_desktop.ui import awards_texts as t
from kr_desktop.ui.save_dialog import REPORT_FORMATS, ask_save_path


class AwardsPrinting:
    """Mixed into AwardsScreen: reads its filters (``current_filter``, ``type_filter``, the dates)."""

    def _report_path(self, suggested: str) -> Path | None:
        return ask_save_path(self, t.SAVE_REPORT_TITLE, suggested, t.REPORT_FILTER, REPORT_FORMATS)

    def _render(self, build, path: Path) -> Path | None:
        from kr_desktop.ui.jobs import write_report

        if write_report(self, t.PRINTING, build, path) is None:
            return None  # cancelled: no file
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(t.REPORT_SAVED.format(path=path))
        return path

    def preview_awards(self):
        """The award list of the current filters in the print preview (print, or save as PDF/DOCX/XLSX)."""
        from kr_desktop.ui.screen_commands import preview

        return preview(self, t.PRINT_LIST_TITLE, lambda p: self.print_awards(str(p)), self.list_file_name(),
                       signer="awards")

    def list_file_name(self) -> str:
        """«Нагороджені_01.01.2026–31.12.2026.pdf»: the list's period in its default file name."""
        from kr_desktop.reports import file_names

        flt = self.current_filter()
        return file_names.awards(flt.date_from, flt.date_to, flt.year)

    def preview_journal(self):
        info = next((i for i in self.types if i.id == self.type_filter.currentData()), None)
        if info is None or not info.issues_certificate:
            QMessageBox.information(self, t.PRINT_JOURNAL, t.CHOOSE_TYPE_FOR_JOURNAL)
            return None
        from kr_desktop.ui.screen_commands import preview

        from kr_desktop.reports import file_names

        return preview(self, t.PRINT_JOURNAL_TITLE, lambda p: self.print_journal(str(p)),
                       file_names.certificates(info.name, self.journal_year()))

    def journal_year(self) -> int | None:
        """The certificate journal is kept by year: the period's, when it lies within one year."""
        first, last = self.date_from.current(), self.date_to.current()
        if first and last and first.year == last.year:
            return first.year
        return None

    def print_awards(self, path: str | None = None) -> Path | None:
        if not path:
            from kr_desktop.ui.signers_dialog import ask_missing_name

            ask_missing_name(self, self.context, "awards")
        out = Path(path) if path else self._report_path(self.list_file_name())
        if out is None:
            return None
        from kr_desktop.reports.awards_lists import build_awards_list

        flt = self.current_filter()
        return self._render(lambda: build_awards_list(self.db, flt), out)

    def print_journal(self, path: str | None = None) -> Path | None:
        info = next((i for i in self.types if i.id == self.type_filter.currentData()), None)
        if info is None or not info.issues_certificate:
            QMessageBox.information(self, t.PRINT_JOURNAL, t.CHOOSE_TYPE_FOR_JOURNAL)
            return None
        from kr_desktop.reports import file_names

        out = Path(path) if path else self._report_path(file_names.certificates(info.name, self.journal_year()))
        if out is None:
            return None
        from kr_desktop.reports.awards_lists import build_certificates_journal

        year = self.journal_year()
        return self._render(lambda: build_certificates_journal(self.db, info.id, year), out)
