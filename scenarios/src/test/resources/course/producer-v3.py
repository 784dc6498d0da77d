# Mensajero's re-creation of the course's producer-v3.py (written from its description, not its
# code): publishes the event BUYER_ARRIVED_ID to the fanout exchange "business_events".
# It connects as the course's scripts do: localhost, pika's default port, guest/guest. Another
# port comes from outside: PYTHONPATH=pika-shim AMQP_PORT=5673 (see pika-shim/sitecustomize.py).
import pika

connection = pika.BlockingConnection(
    pika.ConnectionParameters(host='localhost'))
channel = connection.channel()

channel.exchange_declare(exchange='business_events', exchange_type='fanout')

message = 'BUYER_ARRIVED_ID'
channel.basic_publish(exchange='business_events', routing_key='', body=message)
print(f"{message} happened.")

connection.close()
