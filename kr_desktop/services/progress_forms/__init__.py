"""Executors' progress forms: one XLSX per executor sent out (export), returned forms read back,
checked row by row and saved (import). See layout.py for the form itself."""
