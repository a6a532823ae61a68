int foo(int);
int (*volatile pick)(int) = 0;
int _start(void) {
  int (*f)(int) = pick ? pick : foo;
  return f(3);
}
