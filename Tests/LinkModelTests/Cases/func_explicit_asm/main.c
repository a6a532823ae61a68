int call_ext(void);
int _start(void) { return call_ext(); }
