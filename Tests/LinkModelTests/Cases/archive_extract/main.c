void afoo(void);
void _start(void) { afoo(); }
