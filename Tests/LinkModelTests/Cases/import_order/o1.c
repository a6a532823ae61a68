void zeta(void);
void alpha(void);
void second(void);
__attribute__((noinline)) void unused_decl_user(void) { alpha(); }
void _start(void) { second(); zeta(); alpha(); }
