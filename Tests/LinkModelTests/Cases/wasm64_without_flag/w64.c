void f(void);
void _start(void) { f(); }
