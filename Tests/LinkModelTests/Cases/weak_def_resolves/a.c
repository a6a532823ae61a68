int wd(void);
int _start(void) { return wd(); }
