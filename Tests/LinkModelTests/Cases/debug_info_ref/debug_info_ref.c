void dfoo(void);
void dbar(int);
__attribute__((noinline)) void dead(void) { dfoo(); }
void _start(void) { dbar(1); }
