void member_missing(void);
__attribute__((export_name("from_archive_export"))) void from_archive(void) { member_missing(); }
