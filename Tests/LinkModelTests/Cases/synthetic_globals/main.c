int read_globals(void);
int _start(void) { return read_globals(); }
