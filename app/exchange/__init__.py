"""Excel, CSV, XML, vCard and iCalendar readers and writers (Qt-free)."""
