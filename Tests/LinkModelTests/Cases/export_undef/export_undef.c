void ext_fn(void);
void _start(void) { ext_fn(); }
