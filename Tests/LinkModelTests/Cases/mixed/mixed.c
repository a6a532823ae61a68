void f1(void);
int f2(int, int);
float f3(double);
extern int d1;
extern char d2[];
void (*const fptrs[])(void) = { f1 };
char *const dptr = d2;
int _start(void) {
  f1();
  (void)fptrs;
  (void)dptr;
  return f2(d1, 2) + (int)f3(1.0);
}
