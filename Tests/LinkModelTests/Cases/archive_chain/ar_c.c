void c_missing(void);
void c(void) { c_missing(); }
