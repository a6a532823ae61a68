void p_missing(void);
void p(void) { p_missing(); }
