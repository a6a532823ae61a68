int read_gimm(void);
int _start(void) { return read_gimm(); }
