void used_missing(void);
void used(void) { used_missing(); }
