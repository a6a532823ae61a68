void inner_missing(void);
void wfoo(void) { inner_missing(); }
