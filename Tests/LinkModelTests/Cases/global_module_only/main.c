long long read_gm(void);
long long _start(void) { return read_gm(); }
