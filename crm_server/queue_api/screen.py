"""The display page (*layar antrean*) for a TV's browser: the number being called in
type a tenth of the screen's height and more, its desk and the words of the call,
the last four called and how many wait. It refreshes itself every 5 seconds with a
meta refresh; where scripts run, ``SCRIPT`` asks the JSON instead, which answers as
soon as the board changes (a long poll), rings a chime and says each new call twice
in Indonesian (where the browser has an Indonesian voice). Only numbers and desks
are ever shown."""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import quote

STYLE = """
*{box-sizing:border-box;margin:0}
body{background:#0b2545;color:#fff;font-family:"Noto Sans",Arial,sans-serif;height:100vh;
display:grid;grid-template-rows:auto 1fr auto;overflow:hidden}
header{padding:1.5vh 3vw;font-size:4vh;background:#13315c;display:flex;
justify-content:space-between}
main{display:grid;grid-template-columns:3fr 2fr;gap:2vw;padding:2vh 3vw}
.now{background:#fff;color:#0b2545;border-radius:2vh;display:flex;flex-direction:column;
justify-content:center;align-items:center;text-align:center;padding:2vh}
.label{font-size:4.5vh;font-weight:700}
.number{font-size:24vh;font-weight:800;line-height:1.05;letter-spacing:.05em}
.desk{font-size:9vh;font-weight:800;color:#8d0801}
.words{font-size:3.2vh;margin-top:1vh}
.side h2{font-size:4.5vh;margin-bottom:1vh}
.side ol{list-style:none;padding:0}
.side li{display:flex;justify-content:space-between;font-size:7vh;font-weight:700;
border-bottom:.3vh solid #5c7aa3;padding:.6vh 0}
.side li span+span{color:#ffd166}
footer{font-size:5vh;padding:1.5vh 3vw;background:#13315c;display:flex;
justify-content:space-between}
.empty{font-size:6vh}
"""


def render_body(board: dict[str, Any]) -> str:
    calling = board["calling"]
    if calling:
        first = calling[0]
        now = (
            '<p class="label">Nomor dipanggil</p>'
            f'<p class="number" id="number">{escape(first["number"])}</p>'
            f'<p class="desk">Meja {escape(first["desk"])}</p>'
            f'<p class="words" id="words" data-call="{escape(first["call"])}">'
            f"{escape(first['words'])}</p>"
        )
    else:
        now = '<p class="empty">Belum ada panggilan</p>'
    recent = "".join(
        f"<li><span>{escape(r['number'])}</span><span>Meja {escape(r['desk'])}</span></li>"
        for r in board["recent"]
    )
    return (
        f'<header><h1 style="font-size:inherit">Antrean {escape(board["site"])}</h1>'
        f"<span>{escape(board['time'])} WIB</span></header>"
        f'<main><section class="now" aria-live="assertive">{now}</section>'
        f'<section class="side"><h2>Terakhir dipanggil</h2><ol>{recent}</ol></section></main>'
        f"<footer><span>Menunggu: <strong>{board['waiting']}</strong> orang</span>"
        f"<span>Tunggu terlama: {board['longest_wait_minutes']} menit</span></footer>"
    )


def render_screen(board: dict[str, Any]) -> str:
    site = escape(board["site"])
    return (
        '<!doctype html><html lang="id"><head><meta charset="utf-8">'
        '<meta http-equiv="refresh" content="5">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>Layar antrean {site}</title><style>{STYLE}</style>"
        '<script src="/layar.js" defer></script></head>'
        f'<body data-json="/layar/{escape(quote(board["site"]))}.json">'
        f'<div id="screen" style="display:contents">{render_body(board)}</div></body></html>'
    )


# Kept small and without a framework. It stops the meta refresh (a page reload
# would cut a call being spoken), asks the JSON with the version it shows (the
# answer comes when the board changes, or after 20 s), and on a new call rings the
# chime and says the words twice. An answer that came back at once unchanged (an
# older server) or an error makes it wait before asking again.
SCRIPT = r"""
(function(){
  var seen = {}, first = true, url = document.body.getAttribute('data-json');
  var stop = document.querySelector('meta[http-equiv=refresh]');
  if (stop) stop.parentNode.removeChild(stop);
  function esc(s){var d=document.createElement('div');d.textContent=s;return d.innerHTML;}
  function chime(){
    try{var c=new (window.AudioContext||window.webkitAudioContext)();
      [660,880].forEach(function(f,i){var o=c.createOscillator(),g=c.createGain();
        o.frequency.value=f;o.connect(g);g.connect(c.destination);
        g.gain.setValueAtTime(0.3,c.currentTime+i*0.4);
        g.gain.exponentialRampToValueAtTime(0.001,c.currentTime+i*0.4+0.6);
        o.start(c.currentTime+i*0.4);o.stop(c.currentTime+i*0.4+0.6);});}catch(e){}
  }
  function say(words){
    if(!window.speechSynthesis) return;
    var v=speechSynthesis.getVoices().filter(function(x){return /^id/i.test(x.lang);})[0];
    if(!v) return;
    for(var i=0;i<2;i++){var u=new SpeechSynthesisUtterance(words);u.voice=v;u.lang='id-ID';
      speechSynthesis.speak(u);}
  }
  function render(b){
    var c=b.calling, now;
    if(c.length){now='<p class="label">Nomor dipanggil</p><p class="number">'+esc(c[0].number)+
      '</p><p class="desk">Meja '+esc(c[0].desk)+'</p><p class="words">'+esc(c[0].words)+'</p>';}
    else now='<p class="empty">Belum ada panggilan</p>';
    document.querySelector('.now').innerHTML=now;
    document.querySelector('.side ol').innerHTML=b.recent.map(function(r){
      return '<li><span>'+esc(r.number)+'</span><span>Meja '+esc(r.desk)+'</span></li>';}).join('');
    document.querySelector('footer').innerHTML='<span>Menunggu: <strong>'+b.waiting+
      '</strong> orang</span><span>Tunggu terlama: '+b.longest_wait_minutes+' menit</span>';
    c.forEach(function(x){
      if(!seen[x.call]){ seen[x.call]=1; if(!first){chime();say(x.words);} } });
    first=false;
  }
  var version='';
  function poll(){
    var began=Date.now();
    fetch(url+'?wait=20&after='+version,{cache:'no-store'})
      .then(function(r){if(!r.ok) throw new Error(r.status); return r.json();})
      .then(function(b){
        var same=b.version===version; version=b.version; render(b);
        setTimeout(poll, same && Date.now()-began<500 ? 1000 : 0);})
      .catch(function(){setTimeout(poll,2000);});
  }
  poll();
})();
"""
