extern int dat;
int _start(void) { return dat; }
