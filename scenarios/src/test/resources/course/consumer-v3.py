# Mensajero's re-creation of the course's consumer-v3.py (written from its description, not its
# code): a subscriber of the fanout exchange "business_events", through an exclusive queue whose
# name the server chooses, printing "Event received: <body>".
# It connects as the course's scripts do: localhost, pika's default port, guest/guest. Another
# port comes from outside: PYTHONPATH=pika-shim AMQP_PORT=5673 (see pika-shim/sitecustomize.py).
import pika

connection = pika.BlockingConnection(
    pika.ConnectionParameters(host='localhost'))
channel = connection.channel()

channel.exchange_declare(exchange='business_events', exchange_type='fanout')

result = channel.queue_declare(queue='', exclusive=True)
queue_name = result.method.queue

channel.queue_bind(exchange='business_events', queue=queue_name)


def callback(ch, method, properties, body):
    print(f"Event received: {body.decode()}")


channel.basic_consume(queue=queue_name, on_message_callback=callback, auto_ack=True)

channel.start_consuming()
