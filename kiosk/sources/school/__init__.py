"""The school's own content: a spreadsheet template (XLSX or CSV) and building the school pack from it."""
