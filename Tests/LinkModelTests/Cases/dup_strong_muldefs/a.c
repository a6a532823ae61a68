void missing(void);
int dup(void) { return 1; }
int _start(void) { missing(); return dup(); }
