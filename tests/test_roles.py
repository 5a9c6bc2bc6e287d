"""Role cues, calls and shares (analysis.roles): exact values on small fixtures and on the seeds."""

import pandas as pd
import pytest

from analysis.__main__ import main
from analysis.actors import join_names, name_aliases, titled_people
from analysis.roles import (
    acronym_aliases,
    call_role,
    compute_role_calls,
    compute_role_evidence,
    compute_role_shares,
    find_mentions,
    mention_cues,
    metonyms,
    part_of_a_name,
    role_calls,
    role_evidence,
    role_shares,
    score_calls,
    written_as_person,
)


def cues(text: str, name: str) -> list[tuple]:
    """(family, negated, modal) of the first mention of `name` in `text`."""
    start = text.index(name)
    return [(c.family, c.negated, c.modal) for c in mention_cues(text, start, start + len(name))]


@pytest.mark.parametrize("text, name, expected", [
    # agent of harm: active, passive with "by", a nominalisation with "by", a possessive noun
    ("Russian forces shelled the city overnight.", "Russian", [("agent_of_harm", False, False)]),
    ("The city was shelled by Russian forces.", "Russian", [("agent_of_harm", False, False)]),
    ("The shelling of Kharkiv by Russia went on.", "Russia", [("agent_of_harm", False, False)]),
    ("Russia's invasion began in February.", "Russia", [("agent_of_harm", False, False)]),
    ("Russia launched a massive attack on Kyiv.", "Russia", [("agent_of_harm", False, False)]),
    # patient of harm: object, passive subject, "the shelling of X", "attack on X", suffering
    ("Russia invaded Ukraine in 2022.", "Ukraine", [("patient_of_harm", False, False)]),
    ("Ukraine was attacked on Thursday.", "Ukraine", [("patient_of_harm", False, False)]),
    ("The shelling of Kharkiv by Russia went on.", "Kharkiv", [("patient_of_harm", False, False)]),
    ("Russia launched a massive attack on Kyiv.", "Kyiv", [("patient_of_harm", False, False)]),
    ("Troops shelled the city of Kharkiv.", "Kharkiv", [("patient_of_harm", False, False)]),
    ("Protesters harassed Sen. Amy Klobuchar.", "Amy Klobuchar", [("patient_of_harm", False, False)]),
    ("Ukraine came under attack.", "Ukraine", [("patient_of_harm", False, False)]),
    ("Russian forces, which shelled Kharkiv, withdrew.", "Russian", [("agent_of_harm", False, False)]),
    ("Moscow started the war.", "Moscow", [("agent_of_harm", False, False)]),
    ("Ukrainian civilians", "Ukrainian civilians", [("victim_noun", False, False)]),
    ("The Kyiv regime", "Kyiv regime", [("negative_label", False, False)]),
    # victim nouns
    ("Ukrainian civilians fled the fighting.", "Ukrainian",
     [("patient_of_harm", False, False), ("victim_noun", False, False)]),
    ("The victims in Mariupol were buried.", "Mariupol", [("victim_noun", False, False)]),
    ("Ukraine is the victim here.", "Ukraine", [("victim_noun", False, False)]),
    # labels: before, after, as a predicate, after a naming verb
    ("The aggressor Russia must withdraw.", "Russia", [("negative_label", False, False)]),
    ("The Kyiv regime refused.", "Kyiv", [("negative_label", False, False)]),
    ("Russia is a terrorist state, he said.", "Russia", [("negative_label", False, False)]),
    ("He called Putin a war criminal.", "Putin", [("negative_label", False, False)]),
    ("Brave Ukrainians held the line.", "Ukrainians",
     [("positive_label", False, False), ("agent_of_help", False, False)]),
    # agent of help; "helped to" is no act
    ("The Red Cross rescued dozens of people.", "Red Cross", [("agent_of_help", False, False)]),
    ("Kerry helped to negotiate the deal.", "Kerry", []),
    # target of blame: object, passive subject, blame noun, "faces criticism", "to blame"
    ("Critics accused Gates of hypocrisy.", "Gates", [("target_of_blame", False, False)]),
    ("Gates was accused of hypocrisy.", "Gates", [("target_of_blame", False, False)]),
    ("Sanctions against Russia were tightened.", "Russia", [("target_of_blame", False, False)]),
    ("Shell faces criticism over the spill.", "Shell", [("target_of_blame", False, False)]),
    # negation and modality
    ("Russia did not attack the convoy.", "Russia", [("agent_of_harm", True, False)]),
    ("Russia didn't invade.", "Russia", [("agent_of_harm", True, False)]),
    ("Russia could invade Ukraine within weeks.", "Russia", [("agent_of_harm", False, True)]),
    ("Russia could invade Ukraine within weeks.", "Ukraine", [("patient_of_harm", False, True)]),
    ("Putin threatened to invade Ukraine.", "Putin", [("agent_of_harm", False, True)]),
    # the object of a blame or praise verb in the progressive is no passive subject (roles-precision7)
    ("The regulator is suing Vanguard for greenwashing.", "Vanguard",
     [("target_of_blame", False, False)]),
    ("Fans are praising the Red Cross.", "Red Cross", [("praise", False, False)]),
    # a negative label before the work a verb of making or pushing names (roles-precision7)
    ("The UN is pushing the globalist agenda.", "UN", [("negative_label", False, False)]),
    ("The minister made racist remarks.", "minister", [("negative_label", False, False)]),
    ("The government proposed radical reforms.", "government", []),
    # ... and its passive: the condemned work before the participle and "by" (roles-precision7)
    ("The absurd plan pushed by the WEF will fail.", "WEF", [("negative_label", False, False)]),
    ("The misleading claims made by Exxon were false.", "Exxon", [("negative_label", False, False)]),
    ("The plan was pushed by the WEF.", "WEF", []),
    # intent in the progressive (roles-precision7): "is trying to", "is seeking to"
    ("Exxon is trying to silence its critics.", "Exxon", [("agent_of_harm", False, True)]),
    ("The ministry is seeking to ban meat.", "ministry", [("agent_of_harm", False, True)]),
    ("The WEF is pushing to ban meat.", "WEF", [("agent_of_harm", False, True)]),
    ("Activists are fighting to save the forest.", "Activists", [("agent_of_help", False, True)]),
    ("Enron's shareholders are seeking damages.", "Enron", []),  # only before "to"
    ("If Russia attacks, NATO will respond.", "Russia", [("agent_of_harm", False, True)]),
    ("They prepared for a possible invasion by Russia.", "Russia", [("agent_of_harm", False, True)]),
    ("Russia's possible invasion worries Riga.", "Russia", [("agent_of_harm", False, True)]),
    # misconduct: misconduct verbs, refusal to do anything but harm; negated
    ("Exxon ignored the warnings.", "Exxon", [("misconduct", False, False)]),
    ("Russia violated the ceasefire.", "Russia", [("misconduct", False, False)]),
    ("Russia refused to comply with the ruling.", "Russia", [("misconduct", False, False)]),
    ("Russia did not refuse to comply.", "Russia", [("misconduct", True, False)]),
    ("Russia refused to attack.", "Russia", [("agent_of_harm", True, False)]),
    ("Exxon never ignored the warnings.", "Exxon", [("misconduct", True, False)]),
    # blame: critics, denial, "under fire", claiming responsibility
    ("Putin's critics say he lied.", "Putin", [("target_of_blame", False, False)]),
    ("Critics of Exxon say it lied.", "Exxon", [("target_of_blame", False, False)]),
    ("The Kremlin denied responsibility for the strike.", "Kremlin", [("target_of_blame", False, False)]),
    ("Exxon has denied any wrongdoing.", "Exxon", [("target_of_blame", False, False)]),
    ("Exxon came under criticism for the spill.", "Exxon", [("target_of_blame", False, False)]),
    ("Ukrainian troops came under fire.", "Ukrainian", []),
    ("Ukraine defied the odds.", "Ukraine", []),
    ("ISIS claimed responsibility for the bombing.", "ISIS", [("target_of_blame", False, False)]),
    ("Exxon lied about the risks.", "Exxon", [("agent_of_harm", False, False)]),
    ("Exxon's lies were exposed.", "Exxon", [("agent_of_harm", False, False)]),
    # victim predicates: loss, price, risk, forced to flee, displaced, vulnerable X, plight
    ("Farmers lost their homes in the floods.", "Farmers", [("patient_of_harm", False, False)]),
    ("Farmers did not lose their homes.", "Farmers", [("patient_of_harm", True, False)]),
    ("Poor countries pay the price.", "Poor countries", [("patient_of_harm", False, False)]),
    ("Putin will pay a heavy price.", "Putin", []),
    ("Farmers are at risk.", "Farmers", [("patient_of_harm", False, False)]),
    ("Ukrainians were forced to flee.", "Ukrainians", [("patient_of_harm", False, False)]),
    ("Residents were displaced by the fighting.", "Residents",
     [("patient_of_harm", False, False), ("victim_noun", False, False)]),
    ("Aid reached vulnerable Ukrainians.", "Ukrainians", [("victim_noun", False, False)]),
    ("Vulnerable Ukrainians need help.", "Ukrainians", [("victim_noun", False, False)]),
    ("The plight of Ukrainians is dire.", "Ukrainians", [("victim_noun", False, False)]),
    ("Ukraine is not innocent.", "Ukraine", [("victim_noun", True, False)]),
    ("Russia is not a terrorist state.", "Russia", [("negative_label", True, False)]),
    # hero: praise (object, passive subject, "won praise"), virtues, advocacy at half weight
    ("Leaders praised Zelensky.", "Zelensky", [("praise", False, False)]),
    ("Zelensky was praised for his courage.", "Zelensky", [("praise", False, False)]),
    ("Zelensky won praise abroad.", "Zelensky", [("praise", False, False)]),
    ("Leaders hailed Zelensky as a hero.", "Zelensky", [("positive_label", False, False)]),
    ("Ukraine's courage inspired the world.", "Ukraine", [("positive_label", False, False)]),
    ("Guterres called for action.", "Guterres", [("advocacy", False, False)]),
    ("Guterres did not call for action.", "Guterres", [("advocacy", True, False)]),
    ("Zelensky led efforts to rebuild.", "Zelensky", [("advocacy", False, False)]),
    # "long" after "has"/"have"/"had" keeps the actor's verb (roles-precision7), not "X's long war"
    ("Scientists have long warned of the dangers of warming.", "Scientists",
     [("advocacy", False, False)]),
    ("Exxon has long denied responsibility for the spill.", "Exxon", [("target_of_blame", False, False)]),
    ("Biden defended his decision.", "Biden", []),
    ("They enlisted the UN to help.", "UN", []),  # asked, not done: no help (see below)
    # a possessive written as one token, with a straight or a curly apostrophe; "the X war" says where
    ("Putin's war goes on.", "Putin", [("agent_of_harm", False, False)]),
    ("Putin\u2019s war goes on.", "Putin", [("agent_of_harm", False, False)]),
    ("Russia\u2019s invasion of Ukraine.", "Russia", [("agent_of_harm", False, False)]),
    ("The Ukraine war goes on.", "Ukraine", []),
    # a figure reached or passed is no harm (roles-precision7): "hit a record", "beat expectations"
    ("Exxon profits hit a record high.", "Exxon", []),
    ("Exxon beat market expectations.", "Exxon", []),
    ("Exxon hit $412bn in sales.", "Exxon", []),
    ("Russia struck a deal with China.", "Russia", []),
    ("Russia hit 40 targets overnight.", "Russia", [("agent_of_harm", False, False)]),
    ("EU exports shot up 7.5% last year.", "EU", []),
    ("Gunmen from Hamas shot up the bar.", "Gunmen", [("agent_of_harm", False, False)]),
    # "beat" of a contest is no beating (roles-precision7)
    ("Leigh beat Martin Scorsese to the award.", "Leigh", []),
    # saving a point or defending a title helps no one (roles-precision7)
    ("Nadal saves a break point with an ace.", "Nadal", []),
    ("Federer will defend the Wimbledon crown.", "Federer", []),
    ("Ukraine defended the city of Kharkiv.", "Ukraine", [("agent_of_help", False, False)]),
    ("Leigh beat Martin Scorsese to the award.", "Martin Scorsese", []),
    ("Police beat the protesters to death.", "Police", [("agent_of_harm", False, False)]),
    ("Soldiers beat civilians in the street.", "Soldiers", [("agent_of_harm", False, False)]),
    # the campaigns and wars of politics and business are no harm (roles-precision7)
    ("Labour's election campaign began today.", "Labour", []),
    ("Labour's campaign spokesman Fraser Kemp responded.", "Labour", []),
    ("China's trade war with the US hurt farmers.", "China", []),
    ("Labour's campaign began today.", "Labour", [("agent_of_harm", False, False)]),
    # "X's decision to" + harm or help verb; plans are modal; "X's victims" makes X the doer
    ("Putin's decision to invade Ukraine was a mistake.", "Putin", [("agent_of_harm", False, False)]),
    ("Putin's plans to invade Ukraine were known.", "Putin", [("agent_of_harm", False, True)]),
    ("NATO's pledge to protect Poland held.", "NATO", [("agent_of_help", False, False)]),
    ("Putin's victims were buried.", "Putin", [("agent_of_harm", False, False)]),
    ("Ukraine's civilians were buried.", "Ukraine", [("victim_noun", False, False)]),
    # labels of contempt; an apposition carries labels, not the event after it
    ("Unelected elites want control.", "elites", [("negative_label", False, False)]),
    ("The invasion of Ukraine, a blatant violation, went on.", "Ukraine",
     [("patient_of_harm", False, False)]),
    # an actor inside a prepositional phrase is not the subject of the verb
    ("The war in Ukraine killed thousands.", "Ukraine", []),
    ("Stoltenberg said Russia attacked.", "Stoltenberg", [("advocacy", False, False)]),  # an accuser, no doer
    # third round (issue 16): taking and ruining, active, passive, modal, negated
    ("Russian troops seized the nuclear plant.", "Russian", [("agent_of_harm", False, False)]),
    ("The farms were seized by the Dutch government.", "Dutch", [("agent_of_harm", False, False)]),
    ("The government has vowed to forcibly seize 600 farms.", "government",
     [("agent_of_harm", False, True)]),
    ("Russia did not seize the plant.", "Russia", [("agent_of_harm", True, False)]),
    ("Policies impoverish the people of Europe.", "Europe", [("patient_of_harm", False, False)]),
    ("Prigozhin led the mutiny.", "Prigozhin", [("agent_of_harm", False, False)]),
    ("The Kremlin peddles disinformation.", "Kremlin", [("agent_of_harm", False, False)]),
    # places and objects: a list, "war against X", the place of the object, coordination
    ("Russian forces shelled Kharkiv, Sumy and Chernihiv overnight.", "Sumy",
     [("patient_of_harm", False, False)]),
    ("Russian forces shelled Kharkiv and Odesa.", "Odesa", [("patient_of_harm", False, False)]),
    ("Russian forces shelled Kharkiv and Ukraine responded.", "Ukraine", []),
    ("Russia and Belarus attacked Ukraine.", "Russia", [("agent_of_harm", False, False)]),
    ("Russia shelled Kharkiv and Ukraine launched strikes.", "Kharkiv",
     [("patient_of_harm", False, False)]),
    ("Russia's war against Ukraine went on.", "Ukraine", [("patient_of_harm", False, False)]),
    ("Missiles struck a residential building in Kyiv.", "Kyiv", [("patient_of_harm", False, False)]),
    ('Protesters "attacked" Manchin at a diner.', "Manchin", [("patient_of_harm", False, False)]),
    # blame: denial, "hold X accountable", punishment for a crime, "blasted X's claim"
    ("Moscow has repeatedly denied targeting civilians.", "Moscow",
     [("agent_of_harm", True, False), ("target_of_blame", False, False)]),
    ("The Kremlin denied that its forces struck the mall.", "Kremlin",
     [("target_of_blame", False, False)]),
    ("The Kremlin did not deny that its forces struck the mall.", "Kremlin",
     [("target_of_blame", True, False)]),
    ("Ukraine was denied entry.", "Ukraine", []),
    ("Leaders vowed to hold Russia accountable.", "Russia", [("target_of_blame", False, True)]),
    ("Kyiv holds Moscow fully responsible.", "Moscow", [("target_of_blame", False, False)]),
    ("Goodey was sentenced to six months in prison for disrupting traffic.", "Goodey",
     [("target_of_blame", False, False)]),
    ("Goodey was jailed for ten years.", "Goodey", [("patient_of_harm", False, False)]),
    ("An expert blasted Harries's claim.", "Harries", [("target_of_blame", False, False)]),
    # misconduct: multi-word verbs, "caught lying", negated
    ("Gazprom profited from the war.", "Gazprom", [("misconduct", False, False)]),
    ("China took advantage of the crisis.", "China", [("misconduct", False, False)]),
    ("China never took advantage of the crisis.", "China", [("misconduct", True, False)]),
    ("The regulators failed to act.", "regulators", [("misconduct", False, False)]),
    ("Weeks after Gates was caught lying, he spoke.", "Gates", [("misconduct", False, False)]),
    # victims: hardest hit, "thousands of X were forced to flee"
    ("Farmers were among the hardest hit.", "Farmers", [("patient_of_harm", False, False)]),
    # a degree adverb before the participle, an adjective before "risk", facing a harm
    # (roles-precision7); facing a crisis is no harm done, nor is "most at risk" read (it took
    # "the countries the ADB fears are most at risk" for the ADB in a BBC article)
    ("Farmers are disproportionately affected by drought.", "Farmers",
     [("patient_of_harm", False, False)]),
    ("Farmers are at greater risk.", "Farmers", [("patient_of_harm", False, False)]),
    ("Farmers are facing starvation.", "Farmers", [("patient_of_harm", False, False)]),
    ("Farmers face losing their land.", "Farmers", [("patient_of_harm", False, False)]),
    ("The government faces a crisis.", "government", []),
    ("Farmers are affected by the rules.", "Farmers", []),
    ("Ukraine was hit hardest.", "Ukraine", [("patient_of_harm", False, False)]),
    ("The hardest-hit Ukrainians stayed.", "Ukrainians", [("victim_noun", False, False)]),
    ("Thousands of Ukrainians were forced to flee.", "Ukrainians", [("patient_of_harm", False, False)]),
    # hero: fought for, fought back, warned of a danger (not "warned that"); "fight" alone is no harm
    ("Ukrainians fought for their freedom.", "Ukrainians", [("advocacy", False, False)]),
    ("Ukraine fought back.", "Ukraine", [("agent_of_help", False, False)]),
    ("Ukraine beat back the assault.", "Ukraine", [("agent_of_help", False, False)]),
    ("Ukraine pushed back the offensive.", "Ukraine", [("agent_of_help", False, False)]),
    ("Ukrainians fought Russian troops.", "Russian", []),
    ("Scientists warned of the dangers of war.", "Scientists", [("advocacy", False, False)]),
    ("Putin warned that Russia would strike.", "Putin", []),
    ("Moore led the way in removing the funds.", "Moore", [("advocacy", False, False)]),
    # labels: crimes, hyphenated compounds, "a terrorist named X", lists, "tyrants at X"
    ("The pedophile Epstein was friends with him.", "Epstein", [("negative_label", False, False)]),
    ("The eco-terrorist Malm spoke.", "Malm", [("negative_label", False, False)]),
    ("The anti-terrorist Malm spoke.", "Malm", []),
    ("A climate terrorist named Coco spoke.", "Coco", [("negative_label", False, False)]),
    ("The big polluters include Exxon, BP and Shell.", "BP", [("negative_label", False, False)]),
    ("The victims included Ukrainian children.", "Ukrainian", [("victim_noun", False, False)]),
    ("Russian losses include tanks from Belarus.", "Belarus", []),
    ("Tyrants at the United Nations are eager.", "United Nations", [("negative_label", False, False)]),
    # weapons: fired at a target; "shot down" is air defence, and what is shot down is no victim
    ("Russia fired missiles at Kyiv overnight.", "Russia", [("agent_of_harm", False, False)]),
    ("Russia fired missiles at Kyiv overnight.", "Kyiv", [("patient_of_harm", False, False)]),
    ("Ukraine shot down 30 Russian drones.", "Ukraine", [("agent_of_help", False, False)]),
    ("Ukraine shot down 30 Russian drones.", "Russian", []),
    ("Russian drones were shot down by Ukrainian air defences.", "Russian", []),
    ("Russian drones were shot down by Ukrainian air defences.", "Ukrainian", []),
    ("The US fired the general.", "US", []),
    ("Residents of the Russian-occupied city fled.", "Russian", [("agent_of_harm", False, False)]),
    ("Kyiv's provocations must stop.", "Kyiv", [("agent_of_harm", False, False)]),
    # verbs that pass their subject on to the act after "to": done, not planned
    ("Gore and Sagan were working together to push the scam.", "Gore", [("agent_of_harm", False, False)]),
    ("The junta moved to silence its critics.", "junta",
     [("agent_of_harm", False, False), ("negative_label", False, False)]),
    ("Ukraine managed to repel the assault.", "Ukraine", [("agent_of_help", False, False)]),
    ("Putin wanted to invade.", "Putin", [("agent_of_harm", False, True)]),
    # adjectives that condemn the actor's plan or work, after its possessive only; no misfortune
    ("The Biden administration's preposterous plan was a pipedream.", "Biden administration",
     [("negative_label", False, False)]),
    ("Mann's spurious graph was shown.", "Mann", [("negative_label", False, False)]),
    ("Sri Lanka's ill-fated venture ended.", "Sri Lanka", []),
    ("A spurious claim about Mann spread.", "Mann", []),
    # a crowd that besets a person: its target is the patient, "swarmed" in scare quotes too
    ('Members "swarmed" Sen. Joe Manchin at a diner.', "Joe Manchin", [("patient_of_harm", False, False)]),
    ("Manchin was heckled by activists.", "Manchin", [("patient_of_harm", False, False)]),
    # negative labels of several words, before the actor or as a predicate (negation kept)
    ("Prophet of doom Al Gore shouts again.", "Al Gore", [("negative_label", False, False)]),
    ("It backs climate con man Michael Mann's graph.", "Michael Mann", [("negative_label", False, False)]),
    ("Gore is not a prophet of doom.", "Gore", [("negative_label", True, False)]),
    ("The prophet spoke of doom with Gore.", "Gore", []),
    # coordinated predicates share the actor as subject; not an object's, not in reported words
    ("China is acting within, and taking advantage of, the framework.", "China",
     [("misconduct", False, False)]),
    ("Russia met Ukraine and was attacked.", "Russia", [("patient_of_harm", False, False)]),
    ("Ukraine fought Russia and killed soldiers.", "Russia", []),
    ("Putin said the rebels attacked and killed them.", "Putin", [("advocacy", False, False)]),
    # attacked or targeted for an act is criticism (blame), not harm; for who one is, harm
    ("Gates was targeted by critics for pushing vaccines.", "Gates", [("target_of_blame", False, False)]),
    ("Civilians were targeted for their ethnicity.", "Civilians",
     [("patient_of_harm", False, False), ("victim_noun", False, False)]),
    # fifth round: deceiving, frightening or fleecing the public (verbs and nouns of harm)
    ("Exxon downplayed the risks.", "Exxon", [("agent_of_harm", False, False)]),
    ("The scheme fleeced Canadian taxpayers.", "Canadian", [("patient_of_harm", False, False)]),
    ("Exxon's greenwashing fooled nobody.", "Exxon", [("agent_of_harm", False, False)]),
    ("The misinformation of Fox was exposed.", "Fox", [("agent_of_harm", False, False)]),
    # labels of contempt in science and policy debate
    ("The climate denier Pile wrote it.", "Pile", [("negative_label", False, False)]),
    ("Gore is a grifter.", "Gore", [("negative_label", False, False)]),
    # the author of condemned work after a verb of making or proposing; not its critic
    ("Whelan made misleading claims about oil.", "Whelan", [("negative_label", False, False)]),
    ("Brussels proposed draconian rules.", "Brussels", [("negative_label", False, False)]),
    ("Whelan rejected the misleading claims.", "Whelan", []),
    # "hit" as harm, active and passive; "hit out at" is criticism
    ("Russian missiles hit Kyiv overnight.", "Kyiv", [("patient_of_harm", False, False)]),
    ("Farmers were hit by new taxes.", "Farmers", [("patient_of_harm", False, False)]),
    ("Gates hit out at his critics.", "Gates", []),
    # coercion by rule or force makes its subject or its "by" agent the doer, nobody its patient
    ("Ottawa imposed a carbon tax.", "Ottawa", [("agent_of_harm", False, False)]),
    ("The rules imposed by Brussels hurt farmers.", "Brussels", [("agent_of_harm", False, False)]),
    ("The BBC was forced to admit it.", "BBC", []),
    # an apposition between the actor and its verb, after it or around it
    ("Exxon, the oil giant of Texas, lied about the risks.", "Exxon", [("agent_of_harm", False, False)]),
    ("The governor, Newsom, attacked the farmers.", "Newsom", [("agent_of_harm", False, False)]),
    ("Exxon, Shell said, lied about the risks.", "Exxon", []),
    # the one who opposes a wrong speaks for the hero (advocacy): exposing, condemning, fighting
    ("Reiter debunked the fearmongering.", "Reiter", [("advocacy", False, False)]),
    ("Scholz condemned the attack on Kyiv.", "Scholz", [("advocacy", False, False)]),
    ("Scholz condemned Orban.", "Scholz", []),
    # endorsing a harm makes one a party to it; "called the damage" names it
    ("Malm craves more destruction.", "Malm", [("agent_of_harm", False, False)]),
    ("Lukashenko backed the invasion.", "Lukashenko", [("agent_of_harm", False, False)]),
    ("Newsom called the damage incalculable.", "Newsom", []),
    # a possessive's harm noun past words of duration; praise of an actor's harm praises the act
    ("Russia's continued aggression worries Riga.", "Russia", [("agent_of_harm", False, False)]),
    ("Activists celebrated the administration's continued war on gas.", "administration",
     [("agent_of_harm", False, False)]),
    ("Activists celebrated the administration's decision.", "administration", [("praise", False, False)]),
    # a possessive written with an apostrophe alone after a name ending in s
    ("Gates' preposterous plan failed.", "Gates", [("negative_label", False, False)]),
    ("Soros' invasion of the markets.", "Soros", [("agent_of_harm", False, False)]),
    # victims of policy and of disaster: the poorest, left without
    ("The poorest Kenyans pay.", "Kenyans", [("victim_noun", False, False)]),
    ("Texans were left without power.", "Texans", [("patient_of_harm", False, False)]),
    ("Texans left without paying.", "Texans", []),
    # a participle written like its base ("hurt") is passive after "be"
    ("Farmers were hurt by the rules.", "Farmers", [("patient_of_harm", False, False)]),
    ("Taxes hurt farmers.", "Taxes", [("agent_of_harm", False, False)]),
    # "he's" is "he is" (a predicate, a passive) or "he has" (a past form with its object), never
    # a possessive
    ("Putin spoke. He's a war criminal.", "He", [("negative_label", False, False)]),
    ("Putin spoke. He's accused of fraud.", "He", [("target_of_blame", False, False)]),
    ("Putin spoke. He's attacked the city.", "He", [("agent_of_harm", False, False)]),
    ("Putin spoke. It's war.", "It", []),
    # "X is to blame" (a verb after "be to"), negated or hedged like any predicate
    ("Gates is to blame for the crisis.", "Gates", [("target_of_blame", False, False)]),
    ("Gates is not to blame for the crisis.", "Gates", [("target_of_blame", True, False)]),
    ("Gates may be to blame for the crisis.", "Gates", [("target_of_blame", False, True)]),
    # a relative clause set off by commas between the actor and its verb: both are the actor's
    ("Gates, who owns farmland, has attacked farmers.", "Gates", [("agent_of_harm", False, False)]),
    ("Gates, who attacked farmers, owns farmland.", "Gates", [("agent_of_harm", False, False)]),
    ("Kerry met Gates, who owns farmland, and attacked farmers.", "Gates", []),
    # irregular and -ie forms of listed verbs: "misled", "lying"
    ("Exxon misled investors.", "Exxon", [("agent_of_harm", False, False)]),
    ("Exxon is lying to the public.", "Exxon", [("agent_of_harm", False, False)]),
    # accusing another of a wrong speaks against the wrong (advocacy, half weight); accusing or
    # condemning a person alone says nothing of the accuser
    ("Newsom accused the oil industry of lying.", "Newsom", [("advocacy", False, False)]),
    ("Newsom blamed Exxon for the floods.", "Newsom", []),
    ("Newsom blamed Exxon for the attack.", "Newsom", [("advocacy", False, False)]),
    ("Newsom was accused of lying.", "Newsom", [("target_of_blame", False, False)]),
    # an attack of words (a verb of speech aimed at a person follows): the attacked is criticised,
    # the attacker does no harm; a justification ("saying it was a target") leaves the harm
    ("The Courier launched an attack on Ann Lee, questioning her credentials.", "Ann Lee",
     [("target_of_blame", False, False)]),
    ("The Courier launched an attack on Ann Lee, questioning her credentials.", "Courier", []),
    ("The Courier's attack on Ann Lee, questioning her credentials, failed.", "Courier", []),
    ("Critics attacked Gates, calling him a fraud.", "Gates", [("target_of_blame", False, False)]),
    # an attack on someone's record or plans is one of words (roles-precision7)
    ("Senator Kerry attacked President Bush's economic record.", "President Bush",
     [("target_of_blame", False, False)]),
    ("Senator Kerry attacked President Bush's economic record.", "Senator Kerry", []),
    ("Rebels attacked the tax office.", "Rebels", [("agent_of_harm", False, False)]),
    ("Charles Kennedy attacked Mr Brown for failing to act.", "Mr Brown",
     [("target_of_blame", False, False)]),
    ("Charles Kennedy attacked Mr Brown for failing to act.", "Charles Kennedy", []),
    ("Russia attacked Kyiv for the third night.", "Russia", [("agent_of_harm", False, False)]),
    # "worst hit" without "were" (roles-precision7)
    ("Thailand worst hit as floods spread.", "Thailand", [("patient_of_harm", False, False)]),
    # an adverb of condemnation makes the subject's act misconduct, whatever the verb; not after
    # a form of "be" ("wrongly accused" is done to the subject)
    ("Exxon falsely claimed the fuel was clean.", "Exxon", [("misconduct", False, False)]),
    ("The farmers were wrongly accused of fraud.", "farmers", [("target_of_blame", False, False)]),
    # an adverb of distance ("supposedly") is the writer's doubt, as "claimed" is
    ("Shell supposedly cut emissions.", "Shell", [("doubted_claim", False, False)]),
    ("Exxon cherry-picked the data.", "Exxon", [("misconduct", False, False)]),
    # a sanction of others blames its object ("blacklisted X"), no harm done to a victim
    ("Texas blacklisted BlackRock last year.", "BlackRock", [("target_of_blame", False, False)]),
    # and an adverb of approval praise ("rightly warned")
    ("Curry rightly questioned the models.", "Curry", [("praise", False, False)]),
    # neglecting a duty, whatever follows "to", but a harm neglected is no misconduct; failing
    # is misconduct only in its phrases ("failed to act")
    ("The agency neglected to publish the data.", "agency", [("misconduct", False, False)]),
    ("The Tories failed to hold onto power.", "Tories", []),
    # a member of a list after an object ("including", "such as") takes the object's cue
    ("Police condemned environmental groups, including Just Stop Oil, on Monday.", "Just Stop Oil",
     [("target_of_blame", False, False)]),
    ("Police met environmental groups, including Just Stop Oil.", "Just Stop Oil", []),
    # the writer's distance from a speaker's word ("claimed"), half weight; "claimed
    # responsibility" stays blame
    ("Harries claimed that dengue would spread.", "Harries", [("doubted_claim", False, False)]),
    ("Dengue will spread, Harries claimed.", "Harries", [("doubted_claim", False, False)]),
    ("Hamas claimed responsibility for the bombing.", "Hamas", [("target_of_blame", False, False)]),
    ("The group claimed credit for the protests.", "group", []),  # taking, not saying
    ("Dr Lee mocked her claims.", "her", []),
    # compelling with an object and "to"/"into" is coercion; ordering a thing is not
    ("The Forum compelled global authorities to cut emissions.", "Forum",
     [("agent_of_harm", False, False)]),
    ("He ordered British troops to march into Belfast.", "He", []),
    # "forced to" + any verb is no victim cue ("police were forced to move activists")
    ("Police were forced to move activists.", "Police", []),
    # the named cause of a harm told before it ("because of", "due to") is blamed; of anything
    # else, not
    ("Farmers are suffering because of Brussels and its rules.", "Brussels",
     [("target_of_blame", False, False)]),
    ("Thousands died due to the WHO.", "WHO", [("target_of_blame", False, False)]),
    ("Prices rose because of China.", "China", []),
    # adverbs of frequency without -ly between the subject and its verb
    ("China has always helped Pakistan.", "China", [("agent_of_help", False, False)]),
    # intent after a form of "be" ("out to", "determined to"): the act is planned, half weight
    ("The suppliers are out to cripple the egg supply.", "suppliers", [("agent_of_harm", False, True)]),
    ("Regulators are determined to ban gas stoves.", "Regulators", [("agent_of_harm", False, True)]),
    # the wider word lists: tricking, misrepresenting and overstating, overreach of the doer,
    # contempt and esteem labels, imputed motives
    ("Exxon duped investors.", "Exxon", [("agent_of_harm", False, False)]),
    ("Shell misrepresented the risks.", "Shell", [("misconduct", False, False)]),
    ("Acme overstated its reserves.", "Acme", [("misconduct", False, False)]),
    ("They fear the overreach of Brussels.", "Brussels", [("agent_of_harm", False, False)]),
    ("The far-left Sunrise Movement marched.", "Sunrise Movement", [("negative_label", False, False)]),
    ("Biden woke up early.", "Biden", []),  # "woke" is no label here
    # nouns that are also verbs of harm stay out of the harm verbs ("rig", "gag"), and "long" out
    # of the auxiliaries ("X's long war")
    ("The BP rig exploded.", "BP", []),
    ("Its climate scare narrative failed.", "Its", []),
    ("The EPA pollution standards changed.", "EPA", []),  # a modifier, not a harm
    # a target with a modifier between it and the actor is a goal ("2030 wind targets")
    ("Ireland's 2030 offshore wind targets slipped.", "Ireland", []),
    ("Putin's targets were civilians.", "Putin", [("agent_of_harm", False, False)]),
    ("Russian pressure forced Kyiv to cede land.", "Russian", [("agent_of_harm", False, False)]),
    ("Russia's long war on Ukraine goes on.", "Russia", [("agent_of_harm", False, False)]),
    ("The renowned scientist Judith Curry spoke.", "Judith Curry", [("positive_label", False, False)]),
    ("The politically driven IPCC met.", "IPCC", [("negative_label", False, False)]),
    # "narrative", opinion writing's word for an opponent's account
    ("The IPCC's narrative fell apart.", "IPCC", [("negative_label", False, False)]),
    ("Gore pushed the climate narrative.", "Gore", [("negative_label", False, False)]),
    # up to four words (NOUN_REACH) of a noun phrase between the actor and its harm noun, but
    # three (MAX_GAP) between a subject and its verb: a longer phrase has its own head
    ("Former Labour prime minister Lord Callaghan has died.", "Labour", []),
    ("Russian heavy long-range artillery bombardment continued.", "Russian",
     [("agent_of_harm", False, False)]),
    ("Critics attacked Gates, calling him a fraud.", "Critics", []),
    ("Russia attacked Kyiv, saying it was a military target.", "Kyiv",
     [("patient_of_harm", False, False)]),
    ("Russia launched an attack on Kyiv, killing ten.", "Russia", [("agent_of_harm", False, False)]),
    # an object asked or enlisted to help has not helped; "X is to help" and "X wants to help" have
    # a subject of their own (planned: the latter half weight)
    ("The WEF has enlisted the United Nations to help with the plan.", "United Nations", []),
    ("NATO is to help Ukraine.", "NATO", [("agent_of_help", False, False)]),
    ("NATO wants to help Ukraine.", "NATO", [("agent_of_help", False, True)]),
    # declaring or waging a war on someone; a label exemplified with "like"; paying for a harm;
    # being behind it
    ("Gates declared war on farmers.", "Gates", [("agent_of_harm", False, False)]),
    ("Gates declared an emergency.", "Gates", []),
    ("Climate alarmists like Gates flew in.", "Gates", [("negative_label", False, False)]),
    ("People would like Gates to go.", "Gates", []),
    ("Gates funded the propaganda campaign.", "Gates", [("agent_of_harm", False, False)]),
    ("Gates funded the research.", "Gates", []),
    ("Russia was behind the attack on Kyiv.", "Russia", [("agent_of_harm", False, False)]),
    ("Gates is not behind the attack.", "Gates", [("agent_of_harm", True, False)]),
    # the speaker of an accusation (someone did harm or wrong, in the words reported or quoted)
    # speaks against the wrong: advocacy, half weight; not for a harm suffered, denied or none
    ("Newsom said that Big Oil has been lying to us.", "Newsom", [("advocacy", False, False)]),
    ("\"Big Oil has been lying to us,\" Newsom said.", "Newsom", [("advocacy", False, False)]),
    ("Ann Lee told reporters the ministers ignored the concerns of farmers.", "Ann Lee",
     [("advocacy", False, False)]),
    ("Newsom said that Big Oil was attacked.", "Newsom", []),
    # a harm word used as a noun or after a preposition tells no wrong done (roles-precision7)
    ("Yukos said it would seek $20bn in damages from the buyer.", "Yukos", []),
    ("GM said it expects to meet its earnings targets.", "GM", []),
    ("He said he rejected tax cuts in favour of targeted help.", "He", []),
    ("Newsom said Russia attacks Ukraine daily.", "Newsom", [("advocacy", False, False)]),
    # owning up to a wrong accuses no one (roles-precision7)
    ("Shell conceded that it had ignored the warnings.", "Shell", []),
    ("Newsom said that Big Oil did not lie.", "Newsom", []),
    ("Newsom said the weather was fine.", "Newsom", []),
    ("Newsom said the plan was fine, but critics attacked it.", "Newsom", []),
    ("Newsom's office posted: \"Big Oil has been lying to us.\"", "Newsom", [("advocacy", False, False)]),
    ("Newsom's press office said Big Oil lied.", "Newsom", [("advocacy", False, False)]),
    ("Newsom's rivals said Big Oil lied.", "Newsom", []),
    ("The Growers Alliance leader said that ministers have ignored the concerns of farmers.",
     "Growers Alliance", [("advocacy", False, False)]),
    ("The Growers Alliance members said that ministers have ignored the concerns of farmers.",
     "Growers Alliance", []),
    # scare quotes around the actor's term (a few lower-case words), not a title nor a quotation
    ("The rules serve Biden's 'climate agenda.'", "Biden", [("negative_label", False, False)]),
    ("Biden's \u201cclimate plan\u201d passed.", "Biden", [("negative_label", False, False)]),
    ("Biden's 'Build Back Better' plan passed.", "Biden", []),
    ("Biden's 'we will cut emissions in half by the end of the decade' line.", "Biden", []),
    ("Gates pushed the so-called green deal.", "Gates", [("negative_label", False, False)]),
    ("Gates used his speech to push the 'climate' line.", "his", [("negative_label", False, True)]),
    ("Gates pushed the green deal.", "Gates", []),
    # spin: talking away or hiding an inconvenient fact
    ("The BBC tried to explain away the cold summer.", "BBC", [("misconduct", False, True)]),
    ("Gates glossed over the costs.", "Gates", [("misconduct", False, False)]),
    ("Gates explained the costs.", "Gates", []),
    # indifference: "not that X cares", "X couldn't care less"; not a plain "X cares" or "that X cares"
    ("Farms are closing, not that the Liberals care.", "Liberals", [("misconduct", False, False)]),
    ("Not that Liberal members of Parliament are fretting over it.", "Liberal members of Parliament",
     [("misconduct", False, False)]),
    ("Farmers suffer and Gates couldn't care less.", "Gates", [("misconduct", False, False)]),
    ("Gates cares about farmers.", "Gates", []),
    ("It is true that Gates cares about farmers.", "Gates", []),
    # gratitude of others for the actor; not negated, not across a verb
    ("Canadians should be grateful that there are farmers like Ann Lee.", "Ann Lee",
     [("praise", False, False)]),
    ("We are thankful to Ann Lee.", "Ann Lee", [("praise", False, False)]),
    ("We are not grateful for Ann Lee.", "Ann Lee", [("praise", True, False)]),
    ("We are grateful that the court stopped Ann Lee.", "Ann Lee", []),
    # the actor's word belied by the facts: "despite X's reassurances"; not the word alone
    ("Despite Senate Leader Schumer's reassurances, New York banned gas stoves.", "Schumer",
     [("misconduct", False, False)]),
    ("Contrary to the Forum's promises, prices rose.", "Forum", [("misconduct", False, False)]),
    ("In spite of repeated assurances from Gates, farms closed.", "Gates", [("misconduct", False, False)]),
    ("Schumer's reassurances calmed the markets.", "Schumer", []),
    ("Despite Schumer's efforts, the bill failed.", "Schumer", []),
    # endorsing verbs of several words with a harm noun after them
    ("Ann Lee is going along with the nitrogen hoax.", "Ann Lee", [("agent_of_harm", False, False)]),
    ("Ann Lee went along with the plan.", "Ann Lee", []),
    # "what X calls 'Y'": the actor's own term set apart by the writer; not a plain quotation
    ("She described what Ann Lee described as the 'solution'.", "Ann Lee",
     [("negative_label", False, False)]),
    ("This is what the Forum calls \u201cstakeholder capitalism\u201d.", "Forum",
     [("negative_label", False, False)]),
    ("Ann Lee called the summit a 'failure'.", "Ann Lee", []),
    ("This is what the Forum calls stakeholder capitalism.", "Forum", []),
    # concealment from the reader: "what X won't tell you"; not told, not negated, or no "what"
    ("Here's what Gates won't tell you about the plan.", "Gates", [("misconduct", False, False)]),
    ("What the Forum doesn't want you to know is simple.", "Forum", [("misconduct", False, False)]),
    ("Here's what Gates told you about the plan.", "Gates", []),
    ("Gates won't tell you how to vote.", "Gates", []),
    # "by" agents of help participles, and of a cause participle after a harm noun
    ("Farmers were rescued by Gates.", "Gates", [("agent_of_help", False, False)]),
    ("The crisis was largely caused by Gates.", "Gates", [("agent_of_harm", False, False)]),
    ("The report was caused by Gates.", "Gates", []),
    # a predicate noun after "one of" or "among"
    ("Gates is one of the worst polluters.", "Gates", [("negative_label", False, False)]),
    ("Ukraine is among the victims.", "Ukraine", [("victim_noun", False, False)]),
    ("Gates is one of the richest men.", "Gates", []),
    # an apposition without an article, closed by a comma; not a list of names nor a clause after
    # a fronted phrase
    ("Kerry, climate envoy and notorious hypocrite, flew in.", "Kerry",
     [("negative_label", False, False)]),
    ("Gates, Soros and other globalists flew to Davos.", "Gates", []),
    ("In Kyiv, brave volunteers met.", "Kyiv", []),
    # insults of opinion writing are negative labels
    ("The lunatics at the Forum struck again.", "Forum", [("negative_label", False, False)]),
    ("Gates is a clown.", "Gates", [("negative_label", False, False)]),
    # a place or name after "in"/"at"/"from" between the actor and its verb
    ("The Forum in Davos has attacked farmers.", "Forum", [("agent_of_harm", False, False)]),
    ("Officials at NATO attacked farmers.", "NATO", []),
])
def test_cue_families(text, name, expected):
    assert cues(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # blaming an impersonal cause accuses no one; "for the increasing frequency" names no act
    ("European Union officials have blamed climate change for the increasing frequency of such "
     "fires.", "European Union", []),
    ("The EU blamed the drought for destroying crops.", "EU", []),
    ("The EU blamed Russia for destroying crops.", "EU", [("advocacy", False, False)]),
    ("The EU blamed Russia for the growing unrest.", "EU", []),
])
def test_blaming_a_cause_or_naming_no_act_is_no_advocacy(text, name, expected):
    assert cues(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # the last of names listed after a preposition is not the verb's subject
    ("Judges in countries including the UK, Germany and the US have been imposing harsh "
     "sentences.", "the US", []),
    ("Courts in Germany and the US have jailed protesters.", "the US", []),
    ("Russia and Ukraine have attacked farmers.", "Ukraine", [("agent_of_harm", False, False)]),
    ("Before the fall of the Soviet Union, Gorbachev, Gore and Sagan attacked farmers.", "Sagan",
     [("agent_of_harm", False, False)]),
])
def test_names_listed_after_a_preposition_are_not_subjects(text, name, expected):
    assert cues(text, name) == expected


def test_advocacy_counts_half_and_calls_alone_but_yields_to_a_villain_cue():
    sentences = _sentences(["Guterres called for action.", "Lavrov called for peace.",
                            "Lavrov lied about the strike."])
    mentions = _mentions(sentences, {"Guterres": "Guterres", "Lavrov": "Lavrov"})
    evidence = role_evidence(sentences, mentions)
    assert evidence[["actor", "family", "weight"]].values.tolist() == [
        ["Guterres", "advocacy", 0.5], ["Lavrov", "advocacy", 0.5], ["Lavrov", "agent_of_harm", 1.0]]
    pairs = mentions.groupby(["doc_id", "group", "actor"], sort=False).size().rename(
        "n_mentions").reset_index()
    calls = role_calls(evidence, pairs).set_index("actor")
    assert calls["call"].to_dict() == {"Guterres": "hero", "Lavrov": "villain"}  # 1.0 vs 0.5


def test_calls_abstain_when_cues_are_absent_or_conflict():
    assert call_role({}) == ("none", "no cue")
    assert call_role({"villain": 1.0}) == ("villain", "")
    assert call_role({"villain": 0.5}) == ("villain", "")  # one modal cue
    assert call_role({"villain": 1.0, "victim": 1.0}) == ("none", "conflicting cues")
    assert call_role({"villain": 1.0, "victim": 0.5}) == ("villain", "")
    assert call_role({"villain": 1.5, "victim": 1.0}) == ("none", "conflicting cues")
    assert call_role({"hero": 2.0, "villain": 1.0}) == ("hero", "")


def _sentences(texts: list[str], doc_id: str = "d") -> pd.DataFrame:
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    return pd.DataFrame({"doc_id": doc_id, "sentence_id": [f"{doc_id}-s{i:03d}" for i in range(len(texts))],
                         "start": starts, "text": texts})


def _mentions(sentences: pd.DataFrame, aliases: dict[str, str]) -> pd.DataFrame:
    rows = [(d, sid, "g", actor, alias, start + a, start + b)
            for d, sid, start, text in sentences[["doc_id", "sentence_id", "start", "text"]]
            .itertuples(index=False)
            for a, b, alias, actor in find_mentions(text, aliases)]
    return pd.DataFrame(rows, columns=["doc_id", "sentence_id", "group", "actor", "alias", "start", "end"])


def test_calls_pool_the_mentions_of_an_article_and_keep_the_evidence():
    sentences = _sentences(["Russian troops shelled Kharkiv.", "Ukraine was attacked again.",
                            "Russia did not attack Poland.", "Ukraine could strike back."])
    mentions = _mentions(sentences, {"Russian": "Russia", "Russia": "Russia", "Kharkiv": "Ukraine",
                                     "Ukraine": "Ukraine", "Poland": "Poland"})
    evidence = role_evidence(sentences, mentions)
    assert evidence[["actor", "family", "negated", "modal", "weight"]].values.tolist() == [
        ["Russia", "agent_of_harm", False, False, 1.0],
        ["Ukraine", "patient_of_harm", False, False, 1.0],
        ["Ukraine", "patient_of_harm", False, False, 1.0],
        ["Russia", "agent_of_harm", True, False, 0.0],
        ["Poland", "patient_of_harm", True, False, 0.0],
        ["Ukraine", "agent_of_harm", False, True, 0.5],
    ]
    assert set(evidence["voice"]) == {"narrator"}
    pairs = mentions.groupby(["doc_id", "group", "actor"], sort=False).size().rename(
        "n_mentions").reset_index()
    calls = role_calls(evidence, pairs).set_index("actor")
    assert calls.loc["Russia", ["call", "n_cues", "villain"]].tolist() == ["villain", 1, 1.0]
    assert calls.loc["Ukraine", ["call", "victim", "villain"]].tolist() == ["victim", 2.0, 0.5]
    assert calls.loc["Poland", ["call", "abstain_reason"]].tolist() == ["none", "no cue"]
    assert calls.loc["Russia", "evidence"] == "Russian troops shelled Kharkiv."
    assert calls.loc["Ukraine", "evidence"] == ("Russian troops shelled Kharkiv. | "
                                                "Ukraine was attacked again.")


def test_the_backers_of_an_actor_called_villain_are_villains_at_half_weight():
    sentences = _sentences(["The Forum is a terrorist group.",
                            "The Forum's funders include Ann Lee, a banker, and Bo Chan.",
                            "The Trust, funded by Cy Dale, met.",
                            "The Trust's donors include Di Eve.",
                            "The Forum met Ed Fox.",
                            "When the Forum struck, the long and winding and very costly new bill "
                            "and its many sponsors include Fay Gu."])
    mentions = _mentions(sentences, {n: n for n in ["Forum", "Ann Lee", "Bo Chan", "Trust",
                                                    "Cy Dale", "Di Eve", "Ed Fox", "Fay Gu"]})
    evidence = role_evidence(sentences, mentions)
    backers = evidence[evidence["family"] == "backer_of_villain"]
    assert backers[["actor", "role", "weight"]].values.tolist() == [
        ["Ann Lee", "villain", 0.5], ["Bo Chan", "villain", 0.5]]
    pairs = mentions.groupby(["doc_id", "group", "actor"], sort=False).size().rename(
        "n_mentions").reset_index()
    calls = role_calls(evidence, pairs).set_index("actor")["call"].to_dict()
    assert calls == {"Forum": "villain", "Ann Lee": "villain", "Bo Chan": "villain", "Trust": "none",
                     "Cy Dale": "none", "Di Eve": "none", "Ed Fox": "none", "Fay Gu": "none"}
    villainous = _sentences(["The Trust attacked farmers.", "The Trust, funded by Cy Dale, met."])
    mentions = _mentions(villainous, {"Trust": "Trust", "Cy Dale": "Cy Dale"})
    evidence = role_evidence(villainous, mentions)
    assert evidence[["actor", "family"]].values.tolist() == [
        ["Trust", "agent_of_harm"], ["Cy Dale", "backer_of_villain"]]


def test_the_head_of_an_actor_named_with_its_title_shares_its_villain_or_hero_call():
    sentences = _sentences(["The Forum is a terrorist group.", "Forum CEO Gil Hay spoke.",
                            "The Guild are heroes.", "The Guild's spokesman, Ida Jo, spoke.",
                            "Trust chief Kim Lu spoke.", "Ukraine was shelled.",
                            "Ukraine President Lev Ro spoke."])
    mentions = _mentions(sentences, {n: n for n in ["Forum", "Gil Hay", "Guild", "Ida Jo", "Trust",
                                                    "Kim Lu", "Ukraine", "Lev Ro"]})
    evidence = role_evidence(sentences, mentions)
    heads = evidence[evidence["family"].str.startswith("head_of")]
    assert heads[["actor", "family", "role", "weight"]].values.tolist() == [
        ["Gil Hay", "head_of_villain", "villain", 0.5], ["Ida Jo", "head_of_hero", "hero", 0.5]]


def test_narrator_call_ignores_quoted_words():
    sentences = _sentences(['"Russia is a terrorist state," he said.'])
    mentions = _mentions(sentences, {"Russia": "Russia"})
    segments = pd.DataFrame({"sentence_id": ["d-s000"] * 2, "voice": ["quoted", "narrator"],
                             "start": [0, 30], "end": [30, 39]})
    evidence = role_evidence(sentences, mentions, segments)
    assert evidence[["family", "voice"]].values.tolist() == [["negative_label", "quoted"]]
    calls = role_calls(evidence, pd.DataFrame({"doc_id": ["d"], "group": ["g"], "actor": ["Russia"],
                                               "n_mentions": [1]}))
    assert calls[["call", "narrator_call", "narrator_abstain_reason"]].values.tolist() == [
        ["villain", "none", "no cue"]]


def test_mention_joining_surnames_acronyms_titles_and_metonyms():
    assert join_names(["Bill Gates", "Gates", "Al Gore", "Gore", "the United Nations", "UN"]) == {
        "Bill Gates": "Bill Gates", "Gates": "Bill Gates", "Al Gore": "Al Gore", "Gore": "Al Gore",
        "the United Nations": "United Nations", "UN": "UN"}
    assert join_names(["Joe Biden", "Hunter Biden", "Biden"])["Biden"] == "Biden"  # ambiguous
    assert name_aliases("World Economic Forum (WEF") >= {"WEF", "World Economic Forum",
                                                          "the World Economic Forum"}
    assert "Bank" not in name_aliases("World Bank")  # an organisation has no surname
    text = "President Joe Biden met Olaf Scholz. The president said little."
    assert titled_people(text, ["Joe Biden", "Olaf Scholz"]) == {"the president": "Joe Biden"}
    assert titled_people("President Biden and President Macron met.",
                         ["Joe Biden", "Emmanuel Macron"]) == {}  # two presidents: no join
    meto = metonyms()
    aliases = dict(zip(meto["alias"], meto["actor"], strict=True))
    blocked = dict(zip(meto["alias"], meto["not_after"], strict=True))
    found = find_mentions("Moscow denied it; talks in Brussels went on as Brussels imposed fines.",
                          aliases, blocked)
    assert [(alias, actor) for _, _, alias, actor in found] == [
        ("Moscow", "Russia"), ("Brussels", "European Union")]
    found = find_mentions("Ottawa imposed the tax; the summit in Ottawa and The Hague agreed.",
                          aliases, blocked)
    assert [(alias, actor) for _, _, alias, actor in found] == [
        ("Ottawa", "Canada"), ("The Hague", "Netherlands")]


@pytest.mark.parametrize("text, alias, expected", [
    # inside a longer capitalised name: an event, a company, a bank, a continent, a scandal
    ("The group led a plan to blockade the White House Correspondents' Dinner in May.",
     "the White House", True),
    ("She sued meat producer JBS USA Food Company over its climate claims.", "USA", True),
    ("JBS USA said it would appeal the ruling in the state court.", "USA", True),
    ("Their policies impoverish the people of Europe and North America.", "America", True),
    ("He took a large loan from the Bank of America last year.", "America", True),
    ("He pushed the document behind the Russia Collusion hoax to reporters.", "Russia", True),
    # the nationality of a business
    ("She sued the firm, the American division of a Brazilian group.", "American", True),
    ("A Russian oil company was sanctioned by the ministry.", "Russian", True),
    # ... of private money and trade: investors and an industry are no state (roles-precision7)
    ("It is a fraud on American investors, the regulator said.", "American", True),
    ("The rules will hurt the US auto industry badly.", "US", True),
    ("German farmers were ruined by the new rules.", "German", False),  # the country's people
    # state organs, offices, acts, other states and the nation's people stay the state
    ("The Russian army shelled the town at dawn.", "Russian", False),
    ("Russian forces shelled the town at dawn.", "Russian", False),
    ("The activists accused the German government of failing them.", "German", False),
    ("The Russian Defence Ministry said the strikes hit depots.", "Russian", False),
    ("Speaking in Ohio, US President Joe Biden said so.", "US", False),
    ("He attacked the talks between Russia Ukraine and their allies.", "Russia", False),
    ("He wanted money for climate alarmism and the Ukrainian Nazis.", "Ukrainian", False),
    ("The World Economic Forum-aligned Netherlands government vowed to seize farms.",
     "Netherlands", False),
    ("Russia sanctioned companies across the whole of Europe.", "Russia", False),
    ("The US said the company was wrong about the rules.", "US", False),
    ("Dec 29 (Reuters) - The U.S. Treasury Department said electric vans qualify.", "U.S.", False),
    ("Sina said so in a filing with the US Securities and Exchange Commission.", "US", False),
    ("NATO's Strategic Concept defines the Alliance's long-term goals.", "NATO's", False),
    # a headline in title case tells nothing
    ("Russia Invades Ukraine As World Watches", "Russia", False),
])
def test_a_state_inside_another_name_is_not_the_state(text, alias, expected):
    start = text.index(alias)
    assert part_of_a_name(text, start, start + len(alias)) is expected


def test_state_aliases_inside_other_names_give_no_mention_nor_call(make_corpus):
    from analysis import load_corpus

    meto = metonyms()
    aliases = dict(zip(meto["alias"], meto["actor"], strict=True))
    found = find_mentions("Protesters blockaded the White House Correspondents' Dinner; the White "
                          "House condemned them.", aliases)
    assert [(alias, actor) for _, _, alias, actor in found] == [("the White House", "United States")]
    folder = make_corpus({"a.txt": "Meat\n\nThe attorney general sued meat producer JBS USA Food "
                                   "Company, the American division of JBS Foods, for fraud. Russia "
                                   "attacked farmers in the east.\n"})
    with pytest.warns(Warning):
        corpus = load_corpus(folder)
    calls = compute_role_calls(corpus)
    assert calls.set_index("actor")["call"].to_dict() == {"Russia": "villain"}


def test_descriptions_and_initials_join_the_one_actor_they_stand_for():
    from analysis.actors import described_actors, initials

    assert initials("National Oceanic and Atmospheric Administration") == "NOAA"
    assert initials("World Bank") is None and "WEF" in name_aliases("World Economic Forum")
    text = "The Netherlands government will seize farms. The government says so."
    heads = ["government", "company"]
    assert described_actors(text, {"Netherlands": {"Netherlands"}, "EU": {"EU"}}, heads) == {
        "the government": "Netherlands", "The government": "Netherlands"}
    both = "Russia's government and the Ukrainian government met. The government left."
    assert described_actors(both, {"Russia": {"Russia"}, "Ukraine": {"Ukrainian"}}, heads) == {}
    group = "Climate Defiance, a radical environmentalist group, met. The group blocked roads."
    assert described_actors(group, {"Climate Defiance": {"Climate Defiance"}}, ["group"]) == {
        "the group": "Climate Defiance", "The group": "Climate Defiance"}
    assert described_actors("Jim Lee, whose group met, spoke.", {"Jim Lee": {"Jim Lee"}}, ["group"]) == {}
    kind = "The oil company Exxon lied. The company denied it."  # the head before the name
    assert described_actors(kind, {"Exxon": {"Exxon"}}, heads) == {
        "the company": "Exxon", "The company": "Exxon"}
    named = {"Biden administration": {"Biden administration"}, "Biden": {"Biden"}}
    assert described_actors("The Biden administration acted.", named, ["administration"]) == {
        "the administration": "Biden administration", "The administration": "Biden administration"}


def test_an_acronym_spelt_out_in_the_article_joins_its_name():
    text = "The World Economic Forum (WEF) met in Davos. The forum's chief spoke."
    assert acronym_aliases(text, {"WEF": {"WEF"}, "Davos": {"Davos"}}) == {
        "WEF": "WEF", "World Economic Forum": "WEF", "the World Economic Forum": "WEF",
        "The World Economic Forum": "WEF"}
    assert acronym_aliases(text, {"World Economic Forum": {"World Economic Forum"}})["WEF"] == \
        "World Economic Forum"
    assert acronym_aliases(text, {"WEF": {"WEF"}, "Forum": {"World Economic Forum"}}) == {}  # two
    assert acronym_aliases("The WEF met.", {"WEF": {"WEF"}}) == {}  # not spelt out


def test_surname_mentions_pool_into_the_full_name():
    sentences = _sentences(["Bill Gates flew to Davos.", "Critics accused Gates of hypocrisy."])
    aliases = {a: "Bill Gates" for a in name_aliases("Bill Gates")}
    calls = role_calls(role_evidence(sentences, _mentions(sentences, aliases)),
                       pd.DataFrame({"doc_id": ["d"], "group": ["g"], "actor": ["Bill Gates"],
                                     "n_mentions": [2]}))
    assert calls[["actor", "call"]].values.tolist() == [["Bill Gates", "villain"]]


def test_shares_have_exact_intervals_and_the_abstention_rate():
    calls = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"], "outlet": ["X"] * 4, "actor": ["Russia"] * 4,
        "call": ["villain", "villain", "none", "victim"],
        "narrator_call": ["villain", "none", "none", "none"],
        "evidence": ["Russia shelled it.", "Russian aggression.", "", "Russia was hit."]})
    shares = role_shares(calls, ["X"]).set_index(["voices", "role"])
    row = shares.loc[("all voices", "villain")]
    assert (row["n_articles"], row["n_calls"], row["share"]) == (4, 2, 0.5)
    assert (row["low"], row["high"]) == (0.0676, 0.9324)
    assert row["abstention"] == 0.25 and row["example"] == "Russia shelled it."
    assert shares.loc[("narrator only", "villain"), "abstention"] == 0.75


def test_tone_breaks_ties_only_when_asked_and_never_outranks_a_cue():
    from analysis.roles import TONE_TIE_BREAK, clause_tone, pair_score

    calls = pd.DataFrame({"villain": [0.0, 0.0, 0.5], "victim": [0.0, 0.0, 0.0], "hero": [0.0, 0.0, 0.0],
                          "clause_tone": [-0.5, 0.5, -1.0]})
    assert pair_score(calls, "victim").tolist() == [0.0, 0.0, -0.5]
    assert pair_score(calls, "victim", tie_break=TONE_TIE_BREAK).tolist() == [0.05, -0.05, -0.4]
    assert pair_score(calls, "hero", tie_break=TONE_TIE_BREAK).tolist() == [-0.05, 0.05, -0.6]
    sentences = _sentences(["Russia shelled Kharkiv, a terrible crime.", "Ukraine won a great victory."])
    mentions = _mentions(sentences, {"Russia": "Russia", "Ukraine": "Ukraine"})
    tone = clause_tone(sentences, mentions)
    assert tone.index.tolist() == [("d", "Russia"), ("d", "Ukraine")]
    assert tone.loc[("d", "Russia")] < 0 < tone.loc[("d", "Ukraine")]


def test_score_calls_precision_coverage_and_auc():
    calls = pd.DataFrame({"role": ["villain", "villain", "victim", "hero", "villain"],
                          "call": ["villain", "none", "victim", "none", "victim"],
                          "villain": [2.0, 0.0, 0.0, 0.0, 0.0], "victim": [0.0, 0.0, 1.0, 0.0, 1.0],
                          "hero": [0.0, 0.0, 0.0, 0.0, 0.0]})
    s = score_calls(calls)
    assert (s["coverage"], s["villain_precision"], s["victim_precision"]) == (0.6, 1.0, 0.5)
    assert s["victim_vs_villain_auc"] == pytest.approx(5 / 6)  # 1 victim vs 3 villains, one tie
    assert s["hero_vs_villain_auc"] == pytest.approx(4 / 6)


def test_seed_calls(seeds):
    """Pinned after reading the sentences: the German outlet and Dnipro Today write of "Russian
    aggression", "the Russian attack on Ukraine" and "the Russian invasion of Ukraine"."""
    calls = compute_role_calls(seeds)
    made = calls[calls["call"] != "none"]
    assert made[["doc_id", "actor", "call", "narrator_call"]].values.tolist() == [
        ["defence-blog", "Ukraine", "victim", "none"],  # "the brutal invasion of Ukraine" (quoted)
        ["defence-blog", "Russia", "villain", "villain"],  # "in the face of Russian aggression"
        ["dnipro-today", "Russia", "villain", "villain"],
        ["german-outlet", "Russia", "villain", "villain"],
        ["german-outlet", "Ukraine", "victim", "victim"],  # "the Russian attack on Ukraine"
    ]
    assert (calls["call"] == "none").sum() == 38
    evidence = compute_role_evidence(seeds)
    german = evidence[(evidence["doc_id"] == "german-outlet") & (evidence["actor"] == "Ukraine")]
    assert german["text"].str.contains("Russian attack on Ukraine").sum() == 2
    shares = compute_role_shares(seeds)
    assert set(shares["actor"]) == {"Jens Stoltenberg", "NATO", "Russia"}


def test_validate_roles_command(tmp_path, capsys):
    docs = tmp_path / "labels" / "docs"
    docs.mkdir(parents=True)
    text = ("Putin threatened Europe again on Monday.\n\nRussian troops shelled Kharkiv, where "
            "Ukrainian civilians were killed.\n\nPutin's regime denied it.\n")
    (docs / "EN_1.txt").write_text(text, encoding="utf-8")
    rows = [("EN_1.txt", "Putin", text.index("Putin"), "Antagonist"),
            ("EN_1.txt", "Kharkiv", text.index("Kharkiv"), "Innocent")]
    (tmp_path / "labels" / "entity-roles.tsv").write_text(
        "".join(f"{f}\t{e}\t{s}\t{s + len(e) - 1}\t{r}\tX\n" for f, e, s, r in rows), encoding="utf-8")
    assert main(["validate-roles", str(tmp_path / "labels")]) == 0
    out = capsys.readouterr().out
    assert "1 articles, 2 labelled (article, actor) pairs" in out
    assert "all voices, all: coverage 2/2 = 1.00; villain precision 1/1 = 1.00; victim precision " \
           "1/1 = 1.00" in out
    assert main(["validate-roles", str(tmp_path / "missing")]) == 2


def test_a_corpus_without_actors_gives_empty_tables_and_a_figure(make_corpus, tmp_path):
    from analysis import load_corpus
    from analysis.pipeline import render_figure
    from analysis.plots.roles import FIGURES
    from analysis.roles import TABLES

    folder = make_corpus({"a.txt": "Weather\n\nIt rained all day in the valley, and the farmers "
                                   "were pleased with the harvest this year.\n"})
    with pytest.warns(Warning):
        corpus = load_corpus(folder)
    assert {name: len(make(corpus)) for name, make in TABLES.items()} == {
        "role_evidence": 0, "role_calls": 0, "role_shares": 0}
    _, data = render_figure(FIGURES[0], corpus, tmp_path / "figures")
    assert data.empty and (tmp_path / "figures" / "04-source-framing-roles.png").is_file()


def test_the_kept_validation_figures_are_those_of_the_current_rules(tmp_path):
    from analysis.export import write_csv
    from analysis.roles import VALIDATION, default_labels_folder, validate_roles, validation_table
    folder = default_labels_folder()
    if not (folder / "entity-roles.tsv").is_file():
        pytest.skip("the labelled articles (../shared/corpora/semeval2025-cc) are not beside the checkout")
    write_csv(validation_table(validate_roles(folder)), tmp_path / "fresh.csv")
    assert (tmp_path / "fresh.csv").read_bytes() == VALIDATION.read_bytes(), \
        "rules changed: run `python -m analysis validate-roles --write` and commit the file"


def test_write_refuses_another_labels_folder(tmp_path, capsys):
    (tmp_path / "docs").mkdir()
    (tmp_path / "entity-roles.tsv").write_text("")
    assert main(["validate-roles", str(tmp_path), "--write"]) == 2
    assert "default labels only" in capsys.readouterr().err


def test_a_one_word_actor_is_a_person_where_the_article_gives_a_first_name():
    text = "On Saturday, John Kerry spoke. The Kerry plan failed. Shell said Kerry lied."
    assert written_as_person(text, "Kerry")
    assert not written_as_person("The Kerry plan failed. Shell said Kerry lied.", "Kerry")
    assert not written_as_person("In Exxon the board met.", "Exxon")
    assert written_as_person("", "Al Gore")
    assert not written_as_person("", "World Bank")


@pytest.mark.parametrize("text, name", [
    # one athlete: a singular adjective used as a noun
    ("The Russian hit himself on the head.", "Russian"),
    ("The 34-year-old American, who had been injured, stormed to a win.", "American"),
    ("The American fights back to win the set.", "American"),
    # a nationality before a person's or a work's name: the named one's cue
    ("US judge Susan Illston pushed back a hearing.", "US"),
    ("US rapper Snoop Dogg has been sued by a fan.", "US"),
    ("He starred in hit US comedy Will and Grace.", "US"),
])
def test_a_state_adjective_that_describes_one_person_gives_the_state_no_cue(text, name):
    assert cues(text, name) == []


@pytest.mark.parametrize("text, name, expected", [
    ("The Russian army shelled the town.", "Russian", [("agent_of_harm", False, False)]),
    ("After the Russian attack on Ukraine, NATO met.", "Russian", [("agent_of_harm", False, False)]),
    ("A storm ravaged the southern United States last September.", "United States",
     [("patient_of_harm", False, False)]),
    ("The Russians shelled the town.", "Russians", [("agent_of_harm", False, False)]),
])
def test_the_state_keeps_its_cues_before_its_organs_offices_and_dates(text, name, expected):
    assert cues(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # the noun: the verb after it decides
    ("US forces had worked inside Iran to find targets.", "US", []),
    ("The US has forces helping on the ground.", "US", []),
    ("The US Air Force will attend the air show.", "US", []),
    ("Russian forces withdrew from Kherson.", "Russian", []),
    ("Ukrainian forces liberated the town.", "Ukrainian", [("agent_of_help", False, False)]),
    # the verb of coercion: an object, or "to" soon after
    ("Russia forces Yukos to sell its assets.", "Russia", [("agent_of_harm", False, False)]),
    ("Russia forced the sale of the unit.", "Russia", [("agent_of_harm", False, False)]),
])
def test_forces_after_an_actor_is_the_noun_unless_an_object_follows(text, name, expected):
    assert cues(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a thing of the country: its laws, a place, trade, a show, sport
    ("The costs were imposed by new US laws.", "US", []),
    ("The reporters are protected by the American constitution.", "American", []),
    ("Other American shows which won praise were old.", "American", []),
    ("You come under attack at the famous US base in Hawaii.", "US", []),
    ("The soldiers charged towards German lines.", "German", []),
    ("Several American sports stars are under suspicion.", "American", []),
    # the country's people and a harm stay the state
    ("Obesity is rising among US children.", "US", [("victim_noun", False, False)]),
    ("US air strikes killed ten people.", "US", [("agent_of_harm", False, False)]),
])
def test_a_state_adjective_before_a_thing_of_the_country_gives_the_state_no_cue(text, name, expected):
    assert cues(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # one person's label after "a": the person's, not the state's
    ('He was asked if he is a "German war criminal".', "German", []),
    ("I wasn't a German war criminal.", "German", []),
    # an acronym of a thing, and a stance towards the state
    ("A US TV network is being sued by a viewer.", "US", []),
    ("We are being duped by pro US propaganda.", "US", []),
    # the state's harm and its people stay
    ("A Russian missile strike killed ten people.", "Russian", [("agent_of_harm", False, False)]),
    ("The US Army shelled the town.", "US", [("agent_of_harm", False, False)]),
])
def test_a_label_of_one_person_a_thing_written_in_capitals_and_a_stance_give_the_state_no_cue(
        text, name, expected):
    assert cues(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    ("The champion overcame Germany's Tommy Haas, the third seed.", "Germany", []),
    # an office or an organ in the name keeps the state
    ("The EU's Humanitarian Aid Commissioner said it would help refugees.", "EU",
     [("positive_label", False, False), ("agent_of_help", False, False)]),
    ("Ukraine's Main Intelligence Directorate accused Moscow of lying.", "Ukraine",
     [("advocacy", False, False)]),
])
def test_a_state_possessive_before_a_person_s_name_gives_the_state_no_cue(text, name, expected):
    assert cues(text, name) == expected
