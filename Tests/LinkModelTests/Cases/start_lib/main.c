void l1(void);
void _start(void) { l1(); }
