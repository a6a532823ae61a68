void b_missing(void);
int dup(void) { b_missing(); return 2; }
