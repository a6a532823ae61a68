void n_missing(void);
void n(void) { n_missing(); }
