void flag_missing(void);
void other_missing(void);
void exported_by_flag(void) { flag_missing(); }
void not_exported(void) { other_missing(); }
