void used(void);
void _start(void) { used(); }
