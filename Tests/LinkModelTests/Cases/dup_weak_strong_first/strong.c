void strong_side_missing(void);
int dup(void) { strong_side_missing(); return 2; }
