void b(void);
__attribute__((noinline)) void a(void) { b(); }
void _start(void) { a(); }
