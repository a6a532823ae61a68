void ep(void);
void other(void);
void _start(void) { ep(); other(); }
