int sm(int);
int (*volatile sink)(int);
void _start(void) { sink = sm; }
