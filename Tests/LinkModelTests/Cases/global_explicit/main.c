int read_gx(void);
int _start(void) { return read_gx(); }
