void callee(void) {}
void missing(void);
void (*volatile sink)(void);
void _start(void) { missing(); sink = callee; }
