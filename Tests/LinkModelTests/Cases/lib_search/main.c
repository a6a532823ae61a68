void foo(void);
void _start(void) { foo(); }
