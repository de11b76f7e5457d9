"""Reports are functions: plain data in, a file out (PDF, DOCX, XLSX). No Qt, no sessions."""
