from pyscript import display
import lib.hello
display(open("notes.txt").read().strip(), lib.hello.__name__)
