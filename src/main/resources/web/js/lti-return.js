// The deep-linking answer goes back to the LMS at once: the page's one form posts the signed picks.
document.getElementById('back').submit();
